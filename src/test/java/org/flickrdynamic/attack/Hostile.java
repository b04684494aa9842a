package org.flickrdynamic.attack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.flickrdynamic.testing.ScriptedServer;
import org.flickrdynamic.testing.ScriptedServer.Script;

/**
 * The answers of a hostile or broken server, each a named {@link Script} for a {@link ScriptedServer}:
 * what a proxy's error page, a crashed backend or an attacker who controls the endpoint might send.
 */
final class Hostile {
    private Hostile() {
    }

    /** A maintenance page with status 200, as a misconfigured proxy sends. */
    static Script htmlPage() {
        return ScriptedServer.answer(200, "text/html", "<!DOCTYPE html>\n<html><body><h1>Down for maintenance</h1></body></html>");
    }

    /** XML cut off in the middle of an element, with an honest Content-Length. */
    static Script truncatedXml() {
        return ScriptedServer.xml("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<rsp stat=\"ok\"><photos page=\"1\"><photo id=\"1\" ti");
    }

    /** A lead byte of a two-byte UTF-8 sequence followed by {@code <}: not UTF-8. */
    static Script invalidUtf8() {
        return (socket, out) -> {
            byte[] body = "<rsp stat=\"ok\"><title>caf?</title></rsp>".getBytes(StandardCharsets.US_ASCII);
            body[body.length - 15] = (byte) 0xC3; // in place of the "?": a lead byte followed by "<"
            head(out, 200, "text/xml; charset=utf-8", body.length);
            out.write(body);
            out.flush();
        };
    }

    /** An XML document whose root is not {@code <rsp>}. */
    static Script noRsp() {
        return ScriptedServer.xml("<?xml version=\"1.0\"?>\n<response status=\"ok\"><photos/></response>");
    }

    /** {@code <rsp>} with a {@code stat} that is neither ok nor fail. */
    static Script unknownStat() {
        return ScriptedServer.xml("<rsp stat=\"pending\"><photos/></rsp>");
    }

    /** {@code stat="fail"} with no {@code <err>} saying why. */
    static Script failWithoutErr() {
        return ScriptedServer.xml("<rsp stat=\"fail\"></rsp>");
    }

    /** A DOCTYPE whose external entity names a local file, echoed where a title would be. */
    static Script externalEntity(Path file) {
        return ScriptedServer.xml("<?xml version=\"1.0\"?>\n<!DOCTYPE rsp [<!ENTITY leak SYSTEM \"" + file.toUri()
                + "\">]>\n<rsp stat=\"ok\"><photo id=\"1\"><title>&leak;</title></photo></rsp>");
    }

    /** "Billion laughs": ten levels of entities, each ten of the one below, 10^9 "lol"s if expanded. */
    static Script billionLaughs() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rsp [\n<!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            x.append("<!ENTITY lol").append(level).append(" \"");
            x.append(("&lol" + (level - 1) + ";").repeat(10));
            x.append("\">\n");
        }
        x.append("]>\n<rsp stat=\"ok\"><title>&lol9;</title></rsp>");
        return ScriptedServer.xml(x.toString());
    }

    /** Headers and the start of a body, then nothing, with the connection held open. */
    static Script headersThenSilence() {
        return (socket, out) -> {
            head(out, 200, "text/xml", 1000);
            out.write("<rsp stat=\"ok\">".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Reads the request (the server already did), then resets the connection (TCP RST). */
    static Script reset() {
        return (socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** Reads the request, then closes the connection normally without a byte of answer. */
    static Script closeWithoutAnswer() {
        return (socket, out) -> socket.close();
    }

    /** An HTTP error status with a short text body, and a {@code Retry-After} when not {@code null}. */
    static Script status(int status, String retryAfter) {
        return retryAfter == null ? ScriptedServer.answer(status, "text/plain", "error " + status)
                : ScriptedServer.answer(status, "text/plain", "error " + status, "Retry-After: " + retryAfter);
    }

    /** Flickr's refusal of an OAuth request. */
    static Script oauthProblem(String problem) {
        return ScriptedServer.answer(401, "text/plain; charset=utf-8", "oauth_problem=" + problem);
    }

    /** A redirect to another server, which must not receive the request (nor its key and signature). */
    static Script redirectTo(String url) {
        return ScriptedServer.answer(302, "text/plain", "moved", "Location: " + url);
    }

    /**
     * An endless stream of small photo elements: with a Content-Length of {@code declared} bytes when it
     * is positive, else chunked, until {@code limit} bytes or the client hangs up. Counts what it wrote.
     * Nothing is held: the same chunk is written again and again.
     */
    static Script endlessPhotos(long declared, long limit, AtomicLong written) {
        return (socket, out) -> {
            byte[] chunk = "<photo id=\"1\" title=\"x\"/>".repeat(400).getBytes(StandardCharsets.US_ASCII);
            String length = declared > 0 ? "Content-Length: " + declared : "Transfer-Encoding: chunked";
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n" + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] start = "<rsp stat=\"ok\"><photos>".getBytes(StandardCharsets.US_ASCII);
            try {
                writePart(out, start, declared <= 0);
                written.addAndGet(start.length);
                while (written.get() + chunk.length <= limit) {
                    writePart(out, chunk, declared <= 0);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientHungUp) {
                // What a client with a cap does; the test checks how much was written before.
            }
        };
    }

    /** A gzip-compressed answer that inflates to {@code inflated} bytes of elements; tiny on the wire. */
    static Script gzipBomb(long inflated) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "<photo id=\"1\"/>".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write("<rsp stat=\"ok\">".getBytes(StandardCharsets.US_ASCII));
                for (long n = 0; n < inflated; n += chunk.length) {
                    gz.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected once the client reaches its cap
            }
            socket.close();
        };
    }

    private static void writePart(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(bytes);
        }
    }

    private static void head(OutputStream out, int status, String contentType, long length) throws IOException {
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
