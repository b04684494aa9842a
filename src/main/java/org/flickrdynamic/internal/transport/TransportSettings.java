package org.flickrdynamic.internal.transport;

import java.time.Duration;

/**
 * The settings of one connection pool. Clients whose settings are equal share one pool.
 *
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param maxConnections how many connections the pool keeps open at most
 * @param userAgent      the User-Agent header sent with every request
 */
public record TransportSettings(Duration connectTimeout, int maxConnections, String userAgent) {
}
