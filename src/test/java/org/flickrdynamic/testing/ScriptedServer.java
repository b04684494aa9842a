package org.flickrdynamic.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers every request with whatever a test scripts, down to
 * the bytes: wrong status, broken bodies, silence, resets. It reads each request in full and records
 * its request line, so tests can assert what the client sent. Plain sockets, so nothing is "fixed up".
 */
public final class ScriptedServer implements AutoCloseable {

    /** What to do with a request: write the answer to the socket (or misbehave). */
    @FunctionalInterface
    public interface Script {
        /** Answers one request on its socket. */
        void answer(Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Script> script = new AtomicReference<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * One request as it arrived.
     *
     * @param line the request line, e.g. {@code GET /services/rest/?a=b HTTP/1.1}
     * @param head the whole header block
     * @param body the body, decoded as ASCII (form bodies are percent-encoded)
     */
    public record Received(String line, String head, String body) {
        /** The verb of the request line. */
        public String verb() {
            return line.substring(0, line.indexOf(' '));
        }

        /** The parameters: the query string of a GET, the form body of a POST, still percent-encoded. */
        public String params() {
            String target = line.split(" ")[1];
            int q = target.indexOf('?');
            return verb().equals("GET") ? (q < 0 ? "" : target.substring(q + 1)) : body;
        }

        /** A header's value, or {@code null}. */
        public String header(String name) {
            for (String h : head.split("\r\n")) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return h.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Starts on an ephemeral port of 127.0.0.1 with the given script. */
    public ScriptedServer(Script initial) throws IOException {
        script.set(initial);
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pool.execute(this::acceptLoop);
    }

    /** A script sending one complete HTTP answer with this status, content type and body. */
    public static Script answer(int status, String contentType, String body, String... extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (socket, out) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(bytes.length).append("\r\n");
            for (String h : extraHeaders) {
                head.append(h).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        };
    }

    /** A script sending an XML answer with status 200. */
    public static Script xml(String body) {
        return answer(200, "text/xml; charset=utf-8", body);
    }

    /** Replaces the script for the following requests. */
    public void script(Script next) {
        script.set(next);
    }

    /** The REST URL of this server. */
    public String restUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/services/rest/";
    }

    /** The requests received so far, in order of arrival. */
    public List<Received> received() {
        return received;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                pool.execute(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                byte[] body = in.readNBytes(contentLength(head));
                received.add(new Received(head.substring(0, head.indexOf("\r\n")), head,
                        new String(body, StandardCharsets.US_ASCII)));
                script.get().answer(s, out);
                if (s.isClosed() || s.isOutputShutdown()) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // The client went away, or the script broke the connection on purpose.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                return sb.toString();
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
