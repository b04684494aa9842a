package org.flickrdynamic.sandbox;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The sandbox's stand-in for Flickr's static-file host {@code live.staticflickr.com}: the file at every
 * URL its answers name, under {@code BASE/static/} ({@code BASE/static/SERVER/ID_SECRET_SUFFIX.jpg}), which
 * is where a client's endpoints move that host ({@code Endpoints.file}).
 *
 * <p>As on Flickr, a URL whose secret is not the size's answers 404, as does a photo deleted or unknown.
 * The original of an uploaded or replaced photo is the file as it was uploaded, byte for byte; every
 * other file is a JPEG made from the photo's id, the same on every run. Those stand-ins are at most
 * 1024 pixels on the longest side, smaller than the sizes {@code getSizes} lists for the large ones, which
 * keeps the sandbox light. Files are served with their length, to GET and HEAD; the requests are recorded
 * and the sandbox's faults apply to them as to every other.
 */
final class StaticFiles implements HttpHandler {
    static final String PATH = "/static/";
    private static final Pattern FILE = Pattern.compile("/static/(\\d+)/(\\d+)_([0-9a-f]+)(?:_([0-9a-z]+))?\\.([a-z0-9]+)");
    private static final int LONGEST = 1024;

    private final LiveData live;
    private final PhotoFiles files;
    private final RequestLog log;

    StaticFiles(LiveData live, PhotoFiles files, RequestLog log) {
        this.live = live;
        this.files = files;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String verb = exchange.getRequestMethod();
            log.add(new RecordedRequest(verb, exchange.getRequestURI().getPath(), java.util.Map.of(),
                    exchange.getRequestHeaders()));
            if (!verb.equals("GET") && !verb.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Matcher m = FILE.matcher(exchange.getRequestURI().getPath());
            Photo p = m.matches() ? live.now().photosById.get(m.group(2)) : null;
            String[] size = p == null ? null : size(m.group(4));
            if (size == null || !p.server().equals(m.group(1)) || !PhotoXml.sizeSecret(p, size).equals(m.group(3))) {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                byte[] page = "<html><body>404 Not Found</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, verb.equals("HEAD") ? -1 : page.length);
                exchange.getResponseBody().write(verb.equals("HEAD") ? new byte[0] : page);
                return;
            }
            Path uploaded = "_o".equals(size[1]) ? files.fileOf(p.id()) : null;
            if (uploaded != null) {
                send(exchange, verb, contentType(uploaded), Files.size(uploaded), Files.newInputStream(uploaded));
            } else {
                byte[] jpeg = generated(p, Integer.parseInt(size[3]), Integer.parseInt(size[4]));
                send(exchange, verb, "image/jpeg", jpeg.length, new java.io.ByteArrayInputStream(jpeg));
            }
        }
    }

    private static void send(HttpExchange exchange, String verb, String type, long length, InputStream body)
            throws IOException {
        try (body) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "max-age=315360000");
            if (verb.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                body.transferTo(out);
            }
        }
    }

    /** The size a file name's suffix stands for, or {@code null}. */
    private static String[] size(String suffix) {
        String wanted = suffix == null ? "" : "_" + suffix;
        for (String[] s : PhotoXml.SIZES) {
            if (s[1].equals(wanted)) {
                return s;
            }
        }
        return null;
    }

    private static String contentType(Path file) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
                return "image/jpeg";
            }
            if (n >= 4 && (head[0] & 0xFF) == 0x89 && head[1] == 'P') {
                return "image/png";
            }
            if (n >= 3 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F') {
                return "image/gif";
            }
            if (n >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
                return "video/mp4";
            }
        }
        return "application/octet-stream";
    }

    /** A JPEG of this size (scaled to {@link #LONGEST} at most): two colours from the photo's id, the same on every run. */
    static byte[] generated(Photo p, int width, int height) throws IOException {
        double scale = Math.min(1.0, (double) LONGEST / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        int seed = p.id().hashCode() * 31 + p.secret().hashCode();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(seed & 0xFFFFFF), w, h, new Color((seed >>> 8) ^ 0x5A5A5A)));
            g.fillRect(0, 0, w, h);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
