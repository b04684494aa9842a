package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * Makes the JDK's HTTP servers with Nagle's algorithm off, without leaving a system property changed.
 *
 * <p>The JDK server writes an answer's headers and body in two packets; with Nagle's algorithm on, the
 * second waits for the client's delayed ACK and every small answer takes about 40 ms. The only switch is
 * the property {@value #PROPERTY}, which the JDK reads once, when its first server is made. So the first
 * sandbox sets it for the moment that server is made and then restores it: the JVM's properties are as
 * the application left them. An application that sets the property itself keeps its own choice.
 */
final class NoDelayServer {
    static final String PROPERTY = "sun.net.httpserver.nodelay";
    private static boolean first = true;

    private NoDelayServer() {
    }

    /** {@link HttpServer#create(InetSocketAddress, int)}, with no-delay sockets when the JVM has not chosen. */
    static synchronized HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        if (!first || System.getProperty(PROPERTY) != null) {
            first = false;
            return HttpServer.create(address, backlog);
        }
        first = false;
        System.setProperty(PROPERTY, "true");
        try {
            return HttpServer.create(address, backlog);
        } finally {
            System.clearProperty(PROPERTY);
        }
    }
}
