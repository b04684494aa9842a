/**
 * Where a client sends its requests: {@link org.flickrdynamic.transport.Endpoints}.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.transport;
