package org.flickrdynamic.internal.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;

import org.apache.hc.client5.http.socket.LayeredConnectionSocketFactory;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactory;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * HttpClient's default TLS socket factory, made on the first https connection instead of with the pool.
 * Making it loads the JDK's TLS stack and parses every trusted certificate, about 200 ms in a fresh
 * JVM, which a command talking to the sandbox over plain http on the loopback never needs.
 */
final class LazyTlsSocketFactory implements LayeredConnectionSocketFactory {

    /** Made when first asked for, once per JVM, as HttpClient's own default is. */
    private static final class Holder {
        static final SSLConnectionSocketFactory TLS = SSLConnectionSocketFactory.getSocketFactory();
    }

    private static LayeredConnectionSocketFactory tls() {
        return Holder.TLS;
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        return tls().createSocket(context);
    }

    @Override
    public Socket createSocket(Proxy proxy, HttpContext context) throws IOException {
        return tls().createSocket(proxy, context);
    }

    @Override
    public Socket connectSocket(TimeValue connectTimeout, Socket socket, HttpHost host, InetSocketAddress remote,
                                InetSocketAddress local, HttpContext context) throws IOException {
        return tls().connectSocket(connectTimeout, socket, host, remote, local, context);
    }

    @Override
    public Socket connectSocket(Socket socket, HttpHost host, InetSocketAddress remote, InetSocketAddress local,
                                Timeout connectTimeout, Object attachment, HttpContext context) throws IOException {
        return tls().connectSocket(socket, host, remote, local, connectTimeout, attachment, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
        return tls().createLayeredSocket(socket, target, port, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return tls().createLayeredSocket(socket, target, port, attachment, context);
    }
}
