package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.flickrdynamic.table.MethodTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side: loopback binding, closing, verbs and paths, the envelope, the request record, main. */
class ServerTest {
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void listensOnTheLoopbackOnly() throws IOException {
        assertTrue(sandbox.boundAddress().getAddress().isLoopbackAddress(), sandbox.boundAddress().toString());
        assertEquals("http://127.0.0.1:" + sandbox.port() + "/services/rest/", sandbox.restUrl());
        assertEquals("http://127.0.0.1:" + sandbox.port() + "/", sandbox.baseUrl());
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> !a.isLoopbackAddress() && a instanceof Inet4Address).forEach(others::add);
            }
        }
        assumeTrue(!others.isEmpty(), "this machine has no other IPv4 address to try");
        for (InetAddress a : others) {
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, sandbox.port()), 1000);
                }
            }, "reachable on " + a);
        }
    }

    @Test
    void closeFreesThePortAndCanBeRepeated() {
        Sandbox s = Sandbox.start();
        int port = s.port();
        s.close();
        s.close();
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        });
        try (Sandbox again = Sandbox.start(port)) {
            assertEquals(port, again.port(), "the port is free again");
        }
    }

    @Test
    void closeLetsARequestBeingAnsweredFinish() throws Exception {
        Sandbox s = Sandbox.start();
        byte[] body = ("method=flickr.test.echo&api_key=" + s.apiKey() + "&late=yes").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /services/rest/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(200); // the handler is now reading the body
            Thread closer = new Thread(s::close);
            closer.start();
            Thread.sleep(200);
            assertTrue(closer.isAlive(), "close() waits for the request being answered");
            out.write(body, 10, body.length - 10);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200") && answer.contains("<late>yes</late>"), answer);
            closer.join(5_000);
            assertFalse(closer.isAlive());
        }
    }

    @Test
    void builderSettingsAreUsed() throws Exception {
        MethodTable table = MethodTable.bundled();
        try (Sandbox custom = Sandbox.builder().apiKey("k1").secret("s1").seed(7).table(table).start()) {
            assertEquals("k1", custom.apiKey());
            assertEquals("s1", custom.secret());
            SandboxHttp h = new SandboxHttp(custom);
            assertEquals("ok", h.rsp(h.legacy(h.call("flickr.test.echo"), null)).attributeValue("stat"));
            Map<String, String> oldKey = h.call("flickr.test.echo");
            oldKey.put("api_key", Sandbox.API_KEY);
            SandboxHttp.assertFail(100, h.rsp(oldKey));
        }
        assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().secret(""));
        assertThrows(IllegalArgumentException.class, () -> Sandbox.builder().port(70_000));
    }

    @Test
    void failuresUseFlickrsEnvelope() throws Exception {
        HttpResponse<String> r = http.get(http.call("flickr.nope\"<&>"));
        assertEquals(200, r.statusCode());
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"fail\">\n"
                + "\t<err code=\"112\" msg=\"Method &quot;flickr.nope&quot;&lt;&amp;&gt;&quot; not found\" />\n</rsp>\n", r.body());
    }

    @Test
    void formPostsAreReadAndRecorded() throws Exception {
        sandbox.clearRequests();
        HttpResponse<String> r = http.post(http.call("flickr.test.echo", "x", "1 2"));
        assertEquals("1 2", SandboxHttp.parse(r.body()).elementText("x"));
        RecordedRequest sent = sandbox.requests().get(0);
        assertEquals("POST", sent.httpMethod());
        assertEquals(List.of("method", "api_key", "x"), List.copyOf(sent.params().keySet()));
        assertEquals("application/x-www-form-urlencoded", sent.header("content-type"));
        assertEquals("application/x-www-form-urlencoded", sent.header("Content-Type"));
    }

    @Test
    void requestsAreRecordedInOrderDecodedAndCanBeCleared() throws Exception {
        sandbox.clearRequests();
        assertTrue(sandbox.requests().isEmpty());
        http.rsp(http.call("flickr.test.echo", "q", "a b+c", "n", "1"));
        http.rsp(http.call("flickr.nope"));
        List<RecordedRequest> r = sandbox.requests();
        assertEquals(2, r.size(), "refused calls are recorded too");
        assertEquals("GET", r.get(0).httpMethod());
        assertEquals("/services/rest/", r.get(0).path());
        assertEquals(List.of("method", "api_key", "q", "n"), List.copyOf(r.get(0).params().keySet()));
        assertEquals("a b+c", r.get(0).param("q"));
        assertEquals("flickr.nope", r.get(1).param("method"));
        assertThrows(UnsupportedOperationException.class, () -> r.get(0).params().put("x", "y"));
        sandbox.clearRequests();
        assertTrue(sandbox.requests().isEmpty());
    }

    @Test
    void otherPathsVerbsAndBrokenEscapesAreRefused() throws Exception {
        HttpResponse<String> notFound = SandboxHttp.HTTP.send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "services/download/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, notFound.statusCode());
        HttpResponse<String> uploadByGet = SandboxHttp.HTTP.send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "services/upload/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, uploadByGet.statusCode());
        assertEquals("POST", uploadByGet.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> put = SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.restUrl()))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
        assertEquals("GET, POST", put.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> broken = SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.restUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("method=flickr.test.echo&x=%ZZ")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, broken.statusCode());
    }

    @Test
    void manyConcurrentClientsAreAnswered() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            int n = t;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        Element rsp = http.ok(http.call("flickr.test.echo", "who", n + "-" + i));
                        assertEquals(n + "-" + i, rsp.elementText("who"));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void mainPrintsWhereAndHowThenServesUntilStopped() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Sandbox.class.getName(), "--port", "0", "--seed", "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("Flickr sandbox listening on http://127.0.0.1:"), first);
            String restUrl = first.substring(first.indexOf("http://"));
            List<String> lines = List.of(out.readLine(), out.readLine(), out.readLine(), out.readLine(), out.readLine());
            assertTrue(lines.stream().anyMatch(l -> l.strip().equals("REST URL:   " + restUrl)), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.strip().equals("API key:    " + Sandbox.API_KEY))
                    && lines.stream().anyMatch(l -> l.strip().equals("API secret: " + Sandbox.SECRET)), lines.toString());
            HttpResponse<String> r = SandboxHttp.HTTP.send(HttpRequest.newBuilder(URI.create(restUrl
                    + "?method=flickr.test.echo&api_key=" + Sandbox.API_KEY + "&hi=there")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("there", SandboxHttp.parse(r.body()).elementText("hi"));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stops when told");
        }
        Process bad = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Sandbox.class.getName(), "--port", "x").start();
        assertTrue(bad.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue(), "bad usage exits 2");
        String said = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error: --port needs a whole number, not 'x'\n"), said);
    }

    @Test
    void mainOnAPortInUseSaysSoInOneLine() throws Exception {
        Process taken = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Sandbox.class.getName(), "--port",
                Integer.toString(sandbox.port())).start();
        assertTrue(taken.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, taken.exitValue());
        String said = new String(taken.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error: cannot listen on 127.0.0.1:" + sandbox.port() + " ("), said);
        assertEquals(1, said.lines().count(), "no stack trace: " + said);
    }
}
