package org.flickrdynamic.limit;


import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.flickrdynamic.testing.Outside;

/**
 * A {@code redis-server} of a test's own: a free loopback port, no persistence, a temporary folder, stopped
 * by {@link #close}. Without {@code redis-server} on the PATH (Debian package {@code redis-server}) the
 * test is skipped with the reason, unless {@code flickrdynamic.strict=true}, which makes the skip a
 * failure so a CI run cannot pass by skipping.
 */
final class RedisServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final String binary;
    private Process process;

    private RedisServer(Path dir, int port, String binary) {
        this.dir = dir;
        this.port = port;
        this.binary = binary;
    }

    /** Starts a server, or skips (fails, when strict) the calling test when none is installed. */
    static RedisServer start(Path dir) throws IOException, InterruptedException {
        String binary = installed();
        Outside.requireOrSkip(binary != null,
                "redis-server is not installed (apt-get install redis-server); the Redis store is not tested");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        RedisServer server = new RedisServer(dir, port, binary);
        server.process = server.launch();
        return server;
    }

    private static String installed() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private Process launch() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no",
                "--logfile", dir.resolve("redis.log").toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return p;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        p.destroyForcibly();
        throw new IOException("redis-server did not start on port " + port + "; see " + dir.resolve("redis.log"));
    }

    /** The URL of the server, database 0. */
    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Starts the server again on the same port, empty (it keeps nothing on disk), after {@link #stop}. */
    void restart() throws IOException, InterruptedException {
        process = launch();
    }

    /** Stops the server and waits until it is gone. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
