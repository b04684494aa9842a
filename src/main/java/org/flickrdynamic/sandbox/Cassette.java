package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.flickrdynamic.internal.FileMoves;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Recorded exchanges, kept in a YAML file: each request as its verb, path and parameters sorted by name,
 * and the answer's status, content type, {@code Location} and body. What identifies a request is what
 * stays the same from one run to the next: the signature and the values that change on every call or
 * belong to one user ({@code oauth_signature}, {@code api_sig}, {@code oauth_token}, {@code auth_token},
 * {@code oauth_nonce}, {@code oauth_timestamp}, {@code oauth_verifier}, {@code oauth_callback}, and the
 * legacy login's {@code frob}) are left
 * out, and the key ({@code api_key}, {@code oauth_consumer_key}) is written as {@value #KEY}, so the
 * file holds no credential and a replay matches whoever's key calls it.
 *
 * <p>The file is rewritten whole after each exchange, through a temporary file moved into place, so
 * it is always complete: a recording stopped at any moment leaves a cassette that replays.
 */
final class Cassette {
    /** What an API key is written as. */
    static final String KEY = "(api key)";
    /** The parameters a request is matched without. */
    static final Set<String> DROPPED = Set.of("oauth_signature", "api_sig", "oauth_token", "auth_token", "oauth_nonce",
            "oauth_timestamp", "oauth_verifier", "oauth_callback", "frob");
    /** The parameters that carry the API key, written as {@value #KEY}. */
    static final Set<String> KEYS = Set.of("api_key", "oauth_consumer_key");
    private static final String FORMAT = "flickr-dynamic cassette 1";

    /** A request as matched: verb, path and the parameters that identify it, sorted. */
    record Request(String verb, String path, SortedMap<String, String> params) {
        Request {
            params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        }

        @Override
        public String toString() {
            return verb + " " + path + " " + params;
        }
    }

    /** A recorded answer. {@code location} is {@code null} unless it was a redirect. */
    record Response(int status, String contentType, String location, String body) {
    }

    /** One request and its answer. */
    record Exchange(Request request, Response response) {
    }

    private final Path file;
    private final String upstream;
    private final List<Exchange> exchanges;

    private Cassette(Path file, String upstream, List<Exchange> exchanges) {
        this.file = file;
        this.upstream = upstream;
        this.exchanges = exchanges;
    }

    /** An empty cassette to record into; nothing is written until the first exchange. */
    static Cassette recording(Path file, String upstream) {
        return new Cassette(file, upstream, new ArrayList<>());
    }

    /**
     * Checks, before anything is recorded, that the file can be written the way {@link #save} writes it
     * (a temporary file beside it, moved into place), so a recording never forwards requests it then
     * cannot keep. Leaves nothing behind.
     *
     * @throws IllegalArgumentException naming the file and why it cannot be written
     */
    static void checkWritable(Path file) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("cannot record to " + file + ": it is a directory, not a file");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot record to " + file + ": its folder " + dir
                    + (dir != null && Files.exists(dir) ? " is a file" : " does not exist"));
        }
        try {
            Files.delete(Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot record to " + file + ": its folder " + dir
                    + " cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The request as a cassette matches it: identifying parameters only, the key written as {@value #KEY},
     * and an uploaded file as {@code sha256:} and its hash under its field's name, so another file is
     * another request.
     *
     * @param file the file part of a multipart request, or {@code null}
     */
    static Request key(String verb, String path, Map<String, String> params, Multipart.FilePart file) {
        SortedMap<String, String> kept = new TreeMap<>();
        params.forEach((name, value) -> {
            if (KEYS.contains(name)) {
                kept.put(name, KEY);
            } else if (!DROPPED.contains(name)) {
                kept.put(name, value);
            }
        });
        if (file != null) {
            kept.put(file.field(), "sha256:" + file.sha256());
        }
        return new Request(verb, path, kept);
    }

    /** The file it lives in. */
    Path file() {
        return file;
    }

    /** The exchanges, in the order they were recorded. */
    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Adds an exchange and rewrites the file. */
    synchronized void add(Exchange exchange) {
        exchanges.add(exchange);
        save();
    }

    /** Writes the whole cassette to a temporary file beside it, then moves that into place. */
    synchronized void save() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("upstream", upstream);
        List<Object> list = new ArrayList<>();
        for (Exchange e : exchanges) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("verb", e.request().verb());
            request.put("path", e.request().path());
            request.put("params", new LinkedHashMap<>(e.request().params()));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status", e.response().status());
            response.put("contentType", e.response().contentType());
            if (e.response().location() != null) {
                response.put("location", e.response().location());
            }
            response.put("body", e.response().body());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("request", request);
            one.put("response", response);
            list.add(one);
        }
        doc.put("exchanges", list);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    yaml().dump(doc, w);
                }
                FileMoves.replace(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cassette " + file, e);
        }
    }

    /**
     * Reads a cassette.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it: missing, unreadable,
     *                                  not YAML, or not a cassette
     */
    static Cassette load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no cassette to replay at " + file);
        }
        Object doc;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = yaml().load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the cassette " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the cassette " + file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(doc instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format"))) {
            throw new IllegalArgumentException(file + " is not a cassette: it has no 'format: " + FORMAT + "'");
        }
        List<Exchange> exchanges = new ArrayList<>();
        Object list = map.get("exchanges");
        if (!(list instanceof List<?> items)) {
            throw new IllegalArgumentException("the cassette " + file + " has no list of exchanges");
        }
        for (int i = 0; i < items.size(); i++) {
            String where = "the cassette " + file + ", exchange " + (i + 1);
            Map<?, ?> one = map(items.get(i), where);
            Map<?, ?> req = map(one.get("request"), where + ": request");
            Map<?, ?> res = map(one.get("response"), where + ": response");
            SortedMap<String, String> params = new TreeMap<>();
            map(req.get("params"), where + ": request params").forEach((k, v) -> {
                if (!DROPPED.contains(String.valueOf(k))) { // a cassette recorded before frobs were left out
                    params.put(String.valueOf(k), v == null ? "" : String.valueOf(v));
                }
            });
            Object status = res.get("status");
            if (!(status instanceof Integer code)) {
                throw new IllegalArgumentException(where + ": response status is not a number");
            }
            exchanges.add(new Exchange(new Request(text(req, "verb", where), text(req, "path", where), params),
                    new Response(code, text(res, "contentType", where),
                            res.get("location") == null ? null : String.valueOf(res.get("location")),
                            text(res, "body", where))));
        }
        return new Cassette(file, String.valueOf(map.get("upstream")), exchanges);
    }

    private static Map<?, ?> map(Object o, String where) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " is missing or not a mapping");
        }
        return m;
    }

    private static String text(Map<?, ?> m, String name, String where) {
        Object v = m.get(name);
        if (v == null) {
            throw new IllegalArgumentException(where + " has no " + name);
        }
        return String.valueOf(v);
    }

    private static Yaml yaml() {
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setWidth(120);
        LoaderOptions load = new LoaderOptions();
        load.setCodePointLimit(512 * 1024 * 1024); // a cassette of many large pages is still fine
        load.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(load), new BodyRepresenter(dump), dump, load);
    }

    /** Writes text of several lines (XML bodies) as YAML literal blocks, so a cassette reads like the answers. */
    private static final class BodyRepresenter extends Representer {
        BodyRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                return representScalar(Tag.STR, s, s.indexOf('\n') >= 0 && !s.contains("\r")
                        ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN);
            });
        }
    }
}
