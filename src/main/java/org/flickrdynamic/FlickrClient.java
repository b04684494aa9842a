package org.flickrdynamic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dom4j.Element;
import org.flickrdynamic.auth.OAuthFlow;
import org.flickrdynamic.internal.ClientAccess;
import org.flickrdynamic.download.Downloader;
import org.flickrdynamic.internal.pipeline.Pipeline;
import org.flickrdynamic.internal.request.ArgumentNormalizer;
import org.flickrdynamic.internal.request.CallValidator;
import org.flickrdynamic.internal.request.MethodResolver;
import org.flickrdynamic.internal.request.Problems;
import org.flickrdynamic.internal.request.RetiredMethods;
import org.flickrdynamic.internal.retry.Retrier;
import org.flickrdynamic.internal.table.HelpText;
import org.flickrdynamic.internal.transport.HttpTransport;
import org.flickrdynamic.internal.upload.Uploader;
import org.flickrdynamic.internal.walk.Walker;
import org.flickrdynamic.retry.RetryPolicy;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.transport.Endpoints;
import org.flickrdynamic.upload.UploadTickets;
import org.flickrdynamic.walk.Walk;

/**
 * An immutable, thread-safe Flickr client with its own settings: API key, secret, {@code signed?},
 * signing scheme, endpoints, token, timeouts and method table.
 *
 * <pre>{@code
 * try (FlickrClient flickr = FlickrClient.builder().apiKey("key").secret("secret").build()) {
 *     Element rsp = flickr.call("photos.search", Map.of("tags", "cat", "per_page", 5));
 * }
 * }</pre>
 *
 * <p>A call flows through small stages: look the method up in the table, normalize the arguments, then
 * the request path every call, upload and login step shares ({@link Pipeline}): validate (every problem
 * at once, nothing sent), decide signing, verb and encoding, then the cache, and retries around a
 * rate-limit turn, a fresh signature, the send and the read. Clients made with {@link #newBuilder()} share
 * the connection pool, the rate limiter and the cache; two clients never see each other's settings or tokens.
 *
 * <p>Reads that fail for a passing reason are retried ({@link RetryPolicy}, 3 retries by default); writes
 * only when they certainly never reached the server. A rate limiter ({@link FlickrClientBuilder#rateLimiter})
 * and a cache of unsigned reads ({@link FlickrClientBuilder#cache(Duration, int)}) can be turned on.
 *
 * <p>Guides: <a href="https://github.com/flickrdynamic/flickr-dynamic/blob/main/docs/client.md">docs/client.md</a> (every setting),
 * <a href="https://github.com/flickrdynamic/flickr-dynamic/blob/main/docs/errors-and-retries.md">docs/errors-and-retries.md</a> (timeouts, retries) and
 * <a href="https://github.com/flickrdynamic/flickr-dynamic/blob/main/docs/rate-limit-and-cache.md">docs/rate-limit-and-cache.md</a>.
 */
public final class FlickrClient implements AutoCloseable {
    /** The largest answer accepted by default: far above any real Flickr page, far below a full heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    static {
        ClientAccess.install(client -> client.pipeline);
    }

    private final ClientSettings settings;
    private final HttpTransport transport;
    private final Pipeline pipeline;
    private final AtomicBoolean closed = new AtomicBoolean();

    FlickrClient(ClientSettings settings, HttpTransport transport) {
        this.settings = settings;
        this.transport = transport;
        this.pipeline = new Pipeline(new Pipeline.Context(transport, settings.endpoints().rest(), settings.methodTable(),
                settings.credentials(), settings.signing(), settings.signed(),
                new CallValidator.Capabilities(true, true, true, settings.tokenPermission(), settings.tokenUser()),
                settings.readTimeout(), settings.callTimeout(), settings.maxResponseBytes(),
                new Retrier(settings.retryPolicy()), settings.rateLimiter(), settings.cache()));
    }

    /**
     * A builder with Flickr's endpoints and default timeouts, and no key.
     *
     * @return a builder with Flickr's endpoints and default timeouts, and no key
     */
    public static FlickrClientBuilder builder() {
        return new FlickrClientBuilder(ClientSettings.DEFAULTS, null);
    }

    /**
     * A builder starting from this client's settings; the client it builds shares this one's connection pool
     * (or opens its own when this one's is closed), its rate limiter and its cache.
     *
     * @return a builder starting from this client's settings
     */
    public FlickrClientBuilder newBuilder() {
        return new FlickrClientBuilder(settings, transport);
    }

    /**
     * Calls a Flickr method.
     *
     * @param method the method, with or without its {@code flickr.} prefix
     * @param args   the arguments; keys are names (or keywords), values are converted to Flickr\'s
     *               text as {@link Flickr} describes; {@code null} for none
     * @return the {@code <rsp stat="ok">} element; its children are the payload as Flickr sent it
     * @throws FlickrArgumentException  when the call is wrong (nothing was sent)
     * @throws FlickrApiException       when Flickr answered with an error code
     * @throws FlickrTransportException when no usable answer came back
     */
    public Element call(String method, Map<?, ?> args) {
        ensureOpen(method);
        MethodSpec spec = MethodResolver.resolve(table(), method);
        Problems problems = new Problems();
        Map<String, String> given = ArgumentNormalizer.normalize(args, problems);
        return invoke(spec, given, problems);
    }

    /**
     * Calls a Flickr method with arguments given as alternating keys and values:
     * {@code call("flickr.test.echo", "foo", "bar", "n", 5)}.
     *
     * @param method the method, with or without its {@code flickr.} prefix
     * @param keysAndValues the arguments as name, value, name, value ...
     * @return the {@code <rsp stat="ok">} element of the answer
     */
    public Element call(String method, Object... keysAndValues) {
        ensureOpen(method);
        MethodSpec spec = MethodResolver.resolve(table(), method);
        Problems problems = new Problems();
        Map<String, String> given = ArgumentNormalizer.normalizePairs(keysAndValues, problems);
        return invoke(spec, given, problems);
    }

    /**
     * The items ({@code <photo>}, {@code <photoset>}, {@code <group>} ...) of a paged method across all its
     * pages, as a lazy stream that is also an {@link Iterable}: a page is fetched only when the walk
     * reaches it, and stopping early stops fetching. A {@code page} argument starts the walk there.
     * {@code flickr.photos.search} queries matching more than Flickr's 4,000-result cap are split into
     * date ranges, so every photo comes exactly once. See {@link Walker}.
     *
     * <pre>{@code
     * flickr.walk("photos.search", Map.of("tags", "cat", "per_page", 500)).limit(1000).forEach(...);
     * }</pre>
     *
     * @param method the method, with or without its {@code flickr.} prefix
     * @param args the arguments; keys are names (or keywords), values are converted to Flickr\'s text as {@link
     *             Flickr} describes; {@code null} for none
     * @return the items ({@code <photo>}, {@code <photoset>}, {@code <group>} ...) of a paged method across all its
     *         pages, as a lazy stream that is also an {@link Iterable}
     * @throws FlickrArgumentException at once when the method is unknown or not paged
     */
    public Walk<Element> walk(String method, Map<?, ?> args) {
        return Walker.items(this, method, args);
    }

    /**
     * {@link #walk(String, Map)} with arguments as alternating keys and values.
     *
     * @param method the method, with or without its {@code flickr.} prefix
     * @param keysAndValues the arguments as name, value, name, value ...
     * @return {@link #walk(String, Map)} with arguments as alternating keys and values
     */
    public Walk<Element> walk(String method, Object... keysAndValues) {
        return Walker.items(this, method, keysAndValues);
    }

    /**
     * The page elements ({@code <photos page pages perpage total>} ...) of a paged method, lazily, each
     * holding its items. See {@link #walk(String, Map)}.
     *
     * @param method the method, with or without its {@code flickr.} prefix
     * @param args the arguments; keys are names (or keywords), values are converted to Flickr\'s text as {@link
     *             Flickr} describes; {@code null} for none
     * @return the page elements ({@code <photos page pages perpage total>} ...) of a paged method, lazily, each
     *         holding its items
     */
    public Walk<Element> pages(String method, Map<?, ?> args) {
        return Walker.pages(this, method, args);
    }

    /**
     * {@link #pages(String, Map)} with arguments as alternating keys and values.
     *
     * @param method the method, with or without its {@code flickr.} prefix
     * @param keysAndValues the arguments as name, value, name, value ...
     * @return {@link #pages(String, Map)} with arguments as alternating keys and values
     */
    public Walk<Element> pages(String method, Object... keysAndValues) {
        return Walker.pages(this, method, keysAndValues);
    }

    /** The whole request path is the pipeline's: prepare (validate, sign?, read or write, verb, encode), execute. */
    private Element invoke(MethodSpec spec, Map<String, String> given, Problems problems) {
        RetiredMethods.warnOnce(spec);
        return pipeline.execute(pipeline.prepareCall(spec, given, problems));
    }

    /**
     * Uploads a photo or video to Flickr's upload endpoint, as a {@code multipart/form-data} POST signed
     * over every field but the file; the file streams from disk, so its size does not matter to the heap.
     * It needs a logged-in user with {@code write} permission.
     *
     * <pre>{@code
     * String id = flickr.upload(Path.of("cat.jpg"), Map.of("title", "Cat", "tags", List.of("cat", "new york"), "is_public", 0));
     * }</pre>
     *
     * @param file the file
     * @param args any of {@code title}, {@code description}, {@code tags} (a space-separated string, or a
     *             list), {@code is_public}, {@code is_friend}, {@code is_family}, {@code safety_level},
     *             {@code content_type}, {@code hidden}, {@code async}; {@code null} for none
     * @return the new photo's id; with {@code async=1}, a ticket id for {@link #awaitUpload}
     * @throws FlickrArgumentException  when the file is missing, unreadable or a directory, an argument is
     *                                  unknown or out of range, or the key, secret or login is missing (nothing was sent)
     * @throws FlickrApiException       when Flickr refused the upload (codes 2-8 of the upload API, or a common one)
     * @throws FlickrTransportException when no usable answer came back
     */
    public String upload(Path file, Map<?, ?> args) {
        return uploader().upload(file, args);
    }

    /**
     * Replaces the file of a photo already uploaded, through Flickr's replace endpoint, as
     * {@link #upload} sends a new one. It needs a logged-in user with {@code write} permission.
     *
     * @param file    the new file
     * @param photoId the photo to replace
     * @param args    {@code async}, or {@code null} for none
     * @return the photo's id; with {@code async=1}, a ticket id for {@link #awaitUpload}
     */
    public String replace(Path file, String photoId, Map<?, ?> args) {
        return uploader().replace(file, photoId, args);
    }

    /**
     * Waits for an asynchronous upload or replace to be processed, asking
     * {@code flickr.photos.upload.checkTickets} with a growing pause, and returns the photo id.
     *
     * @param ticket the ticket id an asynchronous upload gave
     * @param timeout how long to wait at most
     * @return the photo id
     * @throws org.flickrdynamic.upload.TicketException when Flickr could not process the file, does not know
     *         the ticket, or the time ran out
     */
    public String awaitUpload(String ticket, Duration timeout) {
        return UploadTickets.await(this, ticket, timeout);
    }

    /**
     * Downloads a photo's or video's file in one size into a folder, streamed and written atomically; a
     * complete file already there is kept. See {@link Downloader}.
     *
     * <pre>{@code
     * Path original = flickr.download("5321", "o", Path.of("photos"));   // photos/5321_o.jpg
     * }</pre>
     *
     * @param photoId the photo or video id
     * @param size    a size's suffix ({@code o} original, {@code k}, {@code b}, {@code -} for 500 ...) or a
     *                video file's label ({@code "Video Original"}, {@code "Site MP4"})
     * @param dir     an existing, writable folder
     * @return the file written, or found complete
     * @throws FlickrArgumentException  when the id, size or folder is wrong (nothing was sent), or the photo
     *                                  has no such size
     * @throws FlickrApiException       when Flickr does not show the photo
     * @throws FlickrTransportException when the file could not be fetched
     */
    public Path download(String photoId, String size, Path dir) {
        return downloader().download(photoId, size, dir).path();
    }

    /**
     * The downloader of this client, for the details of a download (its checksum, whether it was skipped).
     *
     * @return a downloader fetching through this client
     */
    public Downloader downloader() {
        ensureOpen(null);
        return new Downloader(this);
    }

    private Uploader uploader() {
        ensureOpen(null);
        return new Uploader(pipeline, settings.endpoints());
    }

    /**
     * The method table this client validates against.
     *
     * @return the method table this client validates against
     */
    public MethodTable table() {
        return settings.methodTable();
    }

    /**
     * The API key, or {@code null}.
     *
     * @return the API key, or {@code null}
     */
    public String apiKey() {
        return settings.apiKey();
    }

    /**
     * The API secret, or {@code null}. Never part of any message, log line or {@code toString()}.
     *
     * @return the API secret, or {@code null}
     */
    public String secret() {
        return settings.secret();
    }

    /**
     * Whether every call is signed, not only those that need it.
     *
     * @return whether every call is signed, not only those that need it
     */
    public boolean signed() {
        return settings.signed();
    }

    /**
     * The signing scheme.
     *
     * @return the signing scheme
     */
    public Signing signing() {
        return settings.signing();
    }

    /**
     * The endpoints requests go to.
     *
     * @return the endpoints requests go to
     */
    public Endpoints endpoints() {
        return settings.endpoints();
    }

    /**
     * The REST endpoint.
     *
     * @return the REST endpoint
     */
    public String endpoint() {
        return settings.endpoints().rest();
    }

    /**
     * How failed calls are retried.
     *
     * @return how failed calls are retried
     */
    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    /**
     * The user's token, or {@code null} when none is set.
     *
     * @return the user's token, or {@code null} when none is set
     */
    public String token() {
        return settings.token();
    }

    /**
     * What the user's token may do, or {@code null} when no token is set or its permission is not known.
     *
     * @return what the user's token may do, or {@code null} when no token is set or its permission is not known
     */
    public Permission tokenPermission() {
        return settings.tokenPermission();
    }

    /**
     * The OAuth login steps, signed with this client's key and secret and sent through its request path:
     * its pool, timeouts, size cap, retries and rate limit.
     *
     * @return the OAuth login steps, signed with this client's key and secret and sent through its request path
     * @throws FlickrArgumentException when the key or the secret is missing
     */
    public OAuthFlow oauth() {
        ensureOpen(null);
        return new OAuthFlow(this);
    }

    /**
     * A method as a value bound to this client: {@code client.method("photos.search").call("tags", "cat")}.
     *
     * @param name the method's name, with or without its {@code flickr.} prefix
     * @return a method as a value bound to this client: {@code client.method("photos.search").call("tags", "cat")}
     * @throws FlickrArgumentException for an unknown method, with the nearest names
     */
    public FlickrMethod method(String name) {
        MethodTable table = table();
        return new FlickrMethod(MethodResolver.resolve(table, name), table, () -> this);
    }

    /**
     * The API as a tree of groups and methods bound to this client, for dotted calls; see {@link FlickrApi}.
     *
     * @return the API as a tree of groups and methods bound to this client, for dotted calls; see {@link FlickrApi}
     */
    public FlickrApi api() {
        return new FlickrApi(MethodSpec.PREFIX, table(), () -> this);
    }

    /**
     * The method names that start with a prefix, given with or without {@code flickr.}
     * ({@code "photos."} or {@code "flickr.photos."}); every name for {@code null} or an empty prefix.
     *
     * @param prefix the start of the names; {@code flickr.} may be left out
     * @return the method names that start with a prefix, given with or without {@code flickr.}
     */
    public List<String> methods(String prefix) {
        List<String> names = table().names();
        String p = prefix == null ? "" : prefix.strip();
        if (p.isEmpty()) {
            return names;
        }
        String full = p.startsWith(MethodSpec.PREFIX) || MethodSpec.PREFIX.startsWith(p) ? p : MethodSpec.PREFIX + p;
        return names.stream().filter(n -> n.startsWith(full)).toList();
    }

    /**
     * A method's documentation from this client's method table; see {@link Flickr#help(String)}.
     *
     * @param name the method's name, with or without its {@code flickr.} prefix
     * @return a method's documentation from this client's method table; see {@link Flickr#help(String)}
     * @throws FlickrArgumentException for an unknown method, with the nearest names
     */
    public String help(String name) {
        MethodTable table = table();
        return HelpText.of(table, MethodResolver.resolve(table, name));
    }

    /** The connection pool this client sends through, for tests of its bounds. */
    HttpTransport transport() {
        return transport;
    }

    /**
     * Releases this client's share of the connection pool; the last client sharing it closes it. Closing
     * again does nothing; a call on a closed client is refused with a {@link ClientClosedException}.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            transport.close();
        }
    }

    /** Refuses a call on a closed client before anything is sent, rather than fail deep in the pool. */
    private void ensureOpen(String method) {
        if (closed.get()) {
            throw new ClientClosedException(method);
        }
    }

    @Override
    public String toString() {
        return "FlickrClient[apiKey=" + (settings.apiKey() == null ? "(none)" : settings.apiKey())
                + ", secret=" + (settings.secret() == null ? "(none)" : "(set)")
                + ", token=" + (settings.token() == null ? "(none)" : "(set)")
                + ", signed=" + settings.signed() + ", signing=" + settings.signing()
                + ", endpoint=" + settings.endpoints().rest() + ']';
    }
}
