package org.flickrdynamic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.dom4j.Element;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.Browser;
import org.flickrdynamic.auth.Login;
import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.internal.EnvironmentRateLimit;
import org.flickrdynamic.internal.request.MethodResolver;
import org.flickrdynamic.limit.RateLimit;
import org.flickrdynamic.limit.RateLimitStore;
import org.flickrdynamic.limit.RateLimiter;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.transport.Endpoints;
import org.flickrdynamic.walk.Walk;

/**
 * The static facade, modelled on the Scheme wrapper's parameters {@code current-api-key},
 * {@code current-sec-key} and {@code signed?}: set the current settings once, then call any method.
 *
 * <pre>{@code
 * Flickr.currentApiKey("your-key");
 * Element rsp = Flickr.call("flickr.photosets.getPhotos", Map.of("photoset_id", "4", "user_id", "x@N01"));
 * Element echo = Flickr.call("test.echo", "foo", "bar", "n", 5);
 * }</pre>
 *
 * <p>The current settings are a default {@link FlickrClient}; each setter swaps in a new immutable client
 * that shares the same connection pool, rate limiter and cache, so a call in flight on another thread keeps
 * the settings it started with. {@code FLICKR_API_KEY}, {@code FLICKR_API_SECRET}, {@code FLICKR_ENDPOINT},
 * {@code FLICKR_RATE_LIMIT} ({@code N/DURATION} such as {@code 3600/1h}: see {@link #rateLimit}) and
 * {@code FLICKR_RATE_LIMIT_STORE} (a {@code redis://HOST:PORT[/DB]} URL or a file path: see
 * {@link #rateLimitStore}; set alone, it brings Flickr's 3600/1h) are read once, when this class is first
 * used, with the login stored for that key. When one of them cannot be
 * used (an endpoint in plain http off the loopback, a corrupt token file), the facade starts from the
 * defaults and every call, and {@link #client()}, throws a {@link FlickrArgumentException} naming the
 * variable or file and why, until a setter changes the settings. Nothing touches the network until the
 * first call.
 *
 * <p>Guides: <a href="https://github.com/flickrdynamic/flickr-dynamic/blob/main/docs/client.md">docs/client.md</a> (settings,
 * arguments, the environment) and <a href="https://github.com/flickrdynamic/flickr-dynamic/blob/main/docs/scripting.md">docs/scripting.md</a> (JShell and JVM
 * languages).
 */
public final class Flickr {
    private static final AtomicReference<FlickrClient> CURRENT = new AtomicReference<>();
    /** The facade's rate limiters, one per API key, for scripts; see {@link #rateLimit}. */
    private static final ConcurrentHashMap<String, RateLimiter> LIMITERS = new ConcurrentHashMap<>();
    /** The facade's rate limit, or {@code null} for none. */
    private static volatile RateLimit facadeLimit;
    /** Where the facade's limiters keep their state. */
    private static volatile RateLimitStore facadeStore = RateLimitStore.jvm();

    /**
     * Why the environment read at start could not be used, or {@code null}. A bad variable must not break
     * this class for the life of the JVM (a failed static initialiser does), so the facade starts from the
     * defaults and refuses calls with this message until a setter changes the settings.
     */
    private static volatile String startProblem;

    static {
        List<String> problems = new java.util.ArrayList<>();
        CURRENT.set(fromEnvironment(problems));
        startProblem = problems.isEmpty() ? null : String.join("; ", problems)
                + ". Fix the environment and restart, or change the settings (e.g. Flickr.endpoint(...))";
    }

    private Flickr() {
    }

    /** The client of the environment's settings; each one that cannot be used is left out and described. */
    private static FlickrClient fromEnvironment(List<String> problems) {
        FlickrClientBuilder b = FlickrClient.builder()
                .apiKey(System.getenv("FLICKR_API_KEY"))
                .secret(System.getenv("FLICKR_API_SECRET"));
        String endpoint = System.getenv("FLICKR_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                Endpoints chosen = Endpoints.FLICKR.forRest(endpoint.strip());
                chosen.check(false);
                b.endpoints(chosen);
            } catch (RuntimeException e) {
                problems.add("FLICKR_ENDPOINT cannot be used: " + problemsOf(e));
            }
        }
        String key = System.getenv("FLICKR_API_KEY");
        if (key != null && !key.isBlank()) {
            try {
                TokenStore.standard().current(key.strip()).ifPresent(b::token); // a logged-in user stays logged in
            } catch (RuntimeException e) {
                problems.add("the stored login for FLICKR_API_KEY cannot be used: " + problemsOf(e));
            }
        }
        rateLimitFromEnvironment(problems);
        if (facadeLimit != null) {
            b.rateLimiter(limiterOf(b.apiKeyForLimit()));
        }
        try {
            return b.build();
        } catch (RuntimeException e) {
            problems.add("the environment's settings cannot be used: " + problemsOf(e));
            return FlickrClient.builder().build();
        }
    }

    /** Sets the facade's limit and store from {@code FLICKR_RATE_LIMIT} and {@code FLICKR_RATE_LIMIT_STORE}. */
    private static void rateLimitFromEnvironment(List<String> problems) {
        try {
            facadeStore = EnvironmentRateLimit.store();
        } catch (RuntimeException e) {
            problems.add("FLICKR_RATE_LIMIT_STORE cannot be used: " + problemsOf(e));
            return; // no limit rather than one whose turns are counted where they should not be
        }
        try {
            facadeLimit = EnvironmentRateLimit.limit();
        } catch (RuntimeException e) {
            problems.add("FLICKR_RATE_LIMIT cannot be used: " + problemsOf(e));
        }
    }

    private static String problemsOf(RuntimeException e) {
        return e instanceof FlickrArgumentException a ? String.join("; ", a.problems()) : String.valueOf(e.getMessage());
    }

    /** The current client for a call, unless the environment read at start is still unusable. */
    private static FlickrClient usable() {
        String problem = startProblem;
        if (problem != null) {
            throw new FlickrArgumentException("Bad environment: " + problem, problem, true);
        }
        return CURRENT.get();
    }

    /** The login stored for an API key, if any; a store that cannot be read is an error naming the file. */
    private static java.util.Optional<AccessToken> storedLogin(String apiKey) {
        return TokenStore.standard().current(apiKey);
    }

    private static void update(UnaryOperator<FlickrClientBuilder> change) {
        // Build outside the swap so a bad setting throws without touching the current client.
        while (true) {
            FlickrClient before = CURRENT.get();
            FlickrClient after = change.apply(before.newBuilder()).build();
            if (CURRENT.compareAndSet(before, after)) {
                startProblem = null; // the settings were chosen since: they, not the environment, now count
                return; // the old client keeps its share of the pool: calls in flight may still use it
            }
            after.close();
        }
    }

    /**
     * The current API key, or {@code null}.
     *
     * @return the current API key, or {@code null}
     */
    public static String currentApiKey() {
        return CURRENT.get().apiKey();
    }

    /**
     * Sets the API key every call sends unless the call gives its own {@code api_key}. The login stored
     * for that key, if any, becomes the current token (a token belongs to one key).
     *
     * @param apiKey the API key
     */
    public static void currentApiKey(String apiKey) {
        AccessToken stored = apiKey == null || apiKey.isBlank() ? null : storedLogin(apiKey.strip()).orElse(null);
        update(b -> {
            b.apiKey(apiKey).token(stored);
            return facadeLimit == null ? b : b.rateLimiter(limiterOf(b.apiKeyForLimit()));
        });
    }

    /**
     * The current API secret, or {@code null}. It is handed back only when asked for like this; no
     * message, log line or {@code toString()} of the library ever shows it.
     *
     * @return the current API secret, or {@code null}
     */
    public static String currentSecKey() {
        return CURRENT.get().secret();
    }

    /**
     * Sets the API secret that signs requests.
     *
     * @param secret the API secret
     */
    public static void currentSecKey(String secret) {
        update(b -> b.secret(secret));
    }

    /**
     * Whether every call is signed ({@code true}) or only those that need it ({@code false}, the default).
     *
     * @return whether every call is signed ({@code true}) or only those that need it ({@code false}, the default)
     */
    public static boolean signed() {
        return CURRENT.get().signed();
    }

    /**
     * Sets {@code signed?}: {@code true} signs every call, {@code false} only those that need it.
     *
     * @param signed {@code true} to sign every call; {@code false} to sign only those that need it
     */
    public static void signed(boolean signed) {
        update(b -> b.signed(signed));
    }

    /**
     * The signing scheme in use.
     *
     * @return the signing scheme in use
     */
    public static Signing signing() {
        return CURRENT.get().signing();
    }

    /**
     * Chooses the signing scheme: {@link Signing#OAUTH1} (default) or {@link Signing#LEGACY_MD5}.
     *
     * @param signing the signing scheme
     */
    public static void signing(Signing signing) {
        update(b -> b.signing(signing));
    }

    /**
     * How many times a failed call may be sent again (3 unless set; 0 never retries). Reads are retried on
     * passing failures, writes only when they never reached the server; see {@link FlickrClientBuilder#retries}.
     *
     * @param retries how many retries after the first attempt
     */
    public static void retries(int retries) {
        update(b -> b.retries(retries));
    }

    /**
     * Limits the requests sent with the current key so that no window of {@code period} sees more than
     * {@code permits} (Flickr allows 3,600 an hour; see {@link RateLimit} for the burst). For scripts, the
     * facade keeps one limiter per API key: switching keys switches limiters, and every facade call of a key
     * takes its turns from the same one, whichever thread makes it. Its state is in this JVM unless
     * {@link #rateLimitStore} shares it with other processes. Clients built apart are not held back: give
     * them a {@link FlickrClientBuilder#rateLimiter(RateLimiter) rate limiter} of their own, or
     * {@code Flickr.client().newBuilder()} shares this one. A call waits for its turn.
     *
     * @param permits how many requests
     * @param period in how long
     */
    public static void rateLimit(int permits, Duration period) {
        RateLimit limit = RateLimit.of(permits, period);
        facadeLimit = limit;
        update(b -> b.rateLimiter(limiterOf(b.apiKeyForLimit())));
    }

    /**
     * Where the facade's rate limit keeps its state: {@link RateLimitStore#jvm()} (the default), a file
     * shared by this machine's processes, or Redis shared by machines. Applies to the current limit at once
     * and to any limit set later.
     *
     * @param store where the limit's state is kept
     */
    public static void rateLimitStore(RateLimitStore store) {
        if (store == null) {
            throw new FlickrArgumentException(null, "rateLimitStore must be given, not null");
        }
        facadeStore = store;
        LIMITERS.clear();
        update(b -> facadeLimit == null ? b : b.rateLimiter(limiterOf(b.apiKeyForLimit())));
    }

    /** Stops waiting for a rate limit's turns (the default). */
    public static void noRateLimit() {
        facadeLimit = null;
        update(b -> b.rateLimiter(null));
    }

    /**
     * The facade's limiter of an API key under the current {@link #rateLimit}: one per key, kept as long as the
     * limit stays the same; {@code null} when no limit is set.
     */
    private static RateLimiter limiterOf(String apiKey) {
        RateLimit limit = facadeLimit;
        if (limit == null) {
            return null;
        }
        RateLimitStore store = facadeStore;
        if (apiKey == null) {
            return store.limiter(null, limit);
        }
        return LIMITERS.compute(apiKey, (key, old) -> old != null && old.limit().equals(limit) ? old
                : store.limiter(key, limit));
    }

    /**
     * Keeps the answers of unsigned reads for {@code ttl} (at most 24 hours), {@code maxEntries} at most;
     * see {@link FlickrClientBuilder#cache(Duration, int)}. The cache is new and empty; changing another
     * setting keeps it (its answers are filed by endpoint and API key, and signed calls are never kept).
     *
     * @param ttl how long an answer stays fresh
     * @param maxEntries how many answers are kept at most
     */
    public static void cache(Duration ttl, int maxEntries) {
        update(b -> b.cache(ttl, maxEntries));
    }

    /** Turns the response cache off (the default). */
    public static void noCache() {
        update(FlickrClientBuilder::noCache);
    }

    /**
     * The REST endpoint.
     *
     * @return the REST endpoint
     */
    public static String endpoint() {
        return CURRENT.get().endpoint();
    }

    /**
     * Sets the REST endpoint (default {@code https://api.flickr.com/services/rest/}); a sandbox's, or another
     * service's ending in {@code services/rest/}, brings the upload, replace and OAuth endpoints along, and
     * Flickr's own puts them all back at Flickr. See {@link FlickrClientBuilder#endpoint}.
     *
     * @param restUrl the REST endpoint's URL
     */
    public static void endpoint(String restUrl) {
        update(b -> b.endpoint(restUrl));
    }

    /**
     * Moves every endpoint (REST, upload, replace, OAuth) under one base URL, e.g. a sandbox's.
     *
     * @param baseUrl the base URL
     */
    public static void baseUrl(String baseUrl) {
        update(b -> b.baseUrl(baseUrl));
    }

    /**
     * Sets every endpoint at once (REST, upload, replace, OAuth), e.g. back to {@code Endpoints.FLICKR}.
     *
     * @param endpoints the endpoints
     */
    public static void endpoints(Endpoints endpoints) {
        update(b -> b.endpoints(endpoints));
    }

    /**
     * The current user's token, or {@code null}.
     *
     * @return the current user's token, or {@code null}
     */
    public static String currentToken() {
        return CURRENT.get().token();
    }

    /**
     * Sets the user's access token and token secret (OAuth), or a legacy auth token with a {@code null}
     * secret; {@code null} logs out.
     *
     * @param token the token
     * @param tokenSecret the token's secret
     */
    public static void currentToken(String token, String tokenSecret) {
        update(b -> b.token(token, tokenSecret));
    }

    /**
     * Logs in interactively with OAuth: prints the authorize URL (and opens it where a desktop exists),
     * takes the verifier from a one-shot listener on 127.0.0.1 or from the prompt, stores the token for
     * the current API key and makes it current, so the login survives a restart. See {@link Login}, which
     * does the same for any client.
     *
     * @param permission {@code read}, {@code write} or {@code delete}
     * @return the user's token
     */
    public static AccessToken authorize(String permission) {
        return authorize(permission, Browser.system());
    }

    /**
     * Logs in, showing the login page with {@code browser} ({@link Browser#sandbox()} approves on its own
     * against a sandbox). With the legacy signing scheme set, runs the legacy frob login instead.
     *
     * @param permission {@code read}, {@code write} or {@code delete}
     * @param browser opens the authorize page for the user
     * @return the new user's access token
     */
    public static AccessToken authorize(String permission, Browser browser) {
        AccessToken token = hinted(() -> Login.authorize(usable(), permission, browser));
        update(b -> b.token(token));
        return token;
    }

    /** Logs the current user out: forgets the stored token and stops using it. */
    public static void logout() {
        Login.logout(CURRENT.get());
        update(b -> b.token(null, null));
    }

    /**
     * The users logged in with the current API key.
     *
     * @return the users logged in with the current API key
     */
    public static List<AccessToken> users() {
        return Login.users(CURRENT.get());
    }

    /**
     * Makes another logged-in user (nsid or username) current.
     *
     * @param user the user's NSID or user name
     * @return the user's access token
     */
    public static AccessToken useUser(String user) {
        AccessToken t = hinted(() -> Login.useUser(CURRENT.get(), user));
        update(b -> b.token(t));
        return t;
    }

    /**
     * Runs a request of the facade, adding to an argument error that names a missing or short setting how the
     * facade sets it: the core's messages name the client's settings, which a script sets through here.
     */
    private static <T> T hinted(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (FlickrArgumentException e) {
            if (e.settings().isEmpty()) {
                throw e;
            }
            List<String> how = new java.util.ArrayList<>();
            if (e.settings().contains(FlickrArgumentException.API_KEY)) {
                how.add("Flickr.currentApiKey(\"...\")");
            }
            if (e.settings().contains(FlickrArgumentException.SECRET)) {
                how.add("Flickr.currentSecKey(\"...\")");
            }
            if (e.settings().contains(FlickrArgumentException.TOKEN)) {
                how.add("Flickr.authorize(\"read|write|delete\") or Flickr.currentToken(token, tokenSecret)");
            }
            throw e.withHint("With the static facade: " + String.join("; ", how));
        }
    }

    /**
     * The client behind the current settings, to embed or to derive another from.
     *
     * @return the client behind the current settings, to embed or to derive another from
     * @throws FlickrArgumentException while the environment read at start is unusable and no setter has been called
     */
    public static FlickrClient client() {
        return usable();
    }

    /**
     * Calls a method with the current settings. See {@link FlickrClient#call(String, Map)}.
     *
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @param args the arguments by name; {@code null} values are left out
     * @return the {@code <rsp stat="ok">} element
     */
    public static Element call(String method, Map<?, ?> args) {
        return hinted(() -> usable().call(method, args));
    }

    /**
     * Calls a method with arguments as alternating keys and values:
     * {@code call("flickr.test.echo", "foo", "bar", "n", 5)}.
     *
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @param keysAndValues the arguments as name, value, name, value ...
     * @return the {@code <rsp stat="ok">} element of the answer
     */
    public static Element call(String method, Object... keysAndValues) {
        return hinted(() -> usable().call(method, keysAndValues));
    }

    /**
     * The items of a paged method across all its pages, lazily, with the current settings: a stream
     * that is also an {@link Iterable}. See {@link FlickrClient#walk(String, Map)}.
     *
     * <pre>{@code
     * for (Element photo : Flickr.walk("photos.search", Map.of("tags", "cat"))) { ... }
     * }</pre>
     *
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @param args the arguments by name; {@code null} values are left out
     * @return the items of a paged method across all its pages, lazily, with the current settings
     */
    public static Walk<Element> walk(String method, Map<?, ?> args) {
        return usable().walk(method, args);
    }

    /**
     * {@link #walk(String, Map)} with arguments as alternating keys and values.
     *
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @param keysAndValues the arguments as name, value, name, value ...
     * @return {@link #walk(String, Map)} with arguments as alternating keys and values
     */
    public static Walk<Element> walk(String method, Object... keysAndValues) {
        return usable().walk(method, keysAndValues);
    }

    /**
     * The page elements of a paged method, lazily. See {@link FlickrClient#pages(String, Map)}.
     *
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @param args the arguments by name; {@code null} values are left out
     * @return the page elements of a paged method, lazily
     */
    public static Walk<Element> pages(String method, Map<?, ?> args) {
        return usable().pages(method, args);
    }

    /**
     * {@link #pages(String, Map)} with arguments as alternating keys and values.
     *
     * @param method the method's name, with or without its {@code flickr.} prefix
     * @param keysAndValues the arguments as name, value, name, value ...
     * @return {@link #pages(String, Map)} with arguments as alternating keys and values
     */
    public static Walk<Element> pages(String method, Object... keysAndValues) {
        return usable().pages(method, keysAndValues);
    }

    /**
     * Uploads a photo or video with the current settings; see {@link FlickrClient#upload(Path, Map)}.
     *
     * @param file the photo or video file
     * @param args the arguments by name; {@code null} values are left out
     * @return the new photo's id; with {@code async=1}, a ticket id for {@link #awaitUpload}
     */
    public static String upload(Path file, Map<?, ?> args) {
        return hinted(() -> usable().upload(file, args));
    }

    /**
     * Uploads a photo or video with no arguments: Flickr takes the title from the file name.
     *
     * @param file the photo or video file
     * @return the new photo's id
     */
    public static String upload(Path file) {
        return hinted(() -> usable().upload(file, null));
    }

    /**
     * Replaces a photo's file with the current settings; see {@link FlickrClient#replace(Path, String, Map)}.
     *
     * @param file the photo or video file
     * @param photoId the id of the photo
     * @param args the arguments by name; {@code null} values are left out
     * @return the photo's id; with {@code async=1}, a ticket id for {@link #awaitUpload}
     */
    public static String replace(Path file, String photoId, Map<?, ?> args) {
        return hinted(() -> usable().replace(file, photoId, args));
    }

    /**
     * Downloads a photo's or video's file with the current settings; see
     * {@link FlickrClient#download(String, String, Path)}.
     *
     * @param photoId the photo or video id
     * @param size    a size's suffix ({@code o} for the original) or a video file's label
     * @param dir     an existing, writable folder
     * @return the file written, or found complete
     */
    public static Path download(String photoId, String size, Path dir) {
        return hinted(() -> usable().download(photoId, size, dir));
    }

    /**
     * Waits for an asynchronous upload's ticket and returns the photo id; see {@link FlickrClient#awaitUpload}.
     *
     * @param ticket the ticket id an asynchronous upload gave
     * @param timeout how long to wait at most
     * @return the photo id
     */
    public static String awaitUpload(String ticket, Duration timeout) {
        return usable().awaitUpload(ticket, timeout);
    }

    /**
     * The method table in use.
     *
     * @return the method table in use
     */
    public static MethodTable table() {
        return CURRENT.get().table();
    }

    /**
     * Every method name in the table, sorted.
     *
     * @return every method name in the table, sorted
     */
    public static List<String> methods() {
        return table().names();
    }

    /**
     * The method names that start with a prefix, given with or without {@code flickr.}:
     * {@code methods("photos.comments.")} and {@code methods("flickr.photos.comments.")} both list the
     * five comment methods. Full names, sorted.
     *
     * @param prefix the start of the names; {@code flickr.} may be left out
     * @return the method names that start with a prefix, given with or without {@code flickr.}
     */
    public static List<String> methods(String prefix) {
        return CURRENT.get().methods(prefix);
    }

    /**
     * A method as a value that can be called, knows its spec and documents itself. Its calls use the
     * settings current when they are made, so it can be made once and kept.
     *
     * <pre>{@code
     * FlickrMethod search = Flickr.method("photos.search");
     * search.call("tags", "cat");  search.help();  search.spec().arguments();
     * }</pre>
     *
     * @param name the method's name, with or without its {@code flickr.} prefix
     * @return a method as a value that can be called, knows its spec and documents itself
     * @throws FlickrArgumentException for an unknown method, with the nearest names
     */
    public static FlickrMethod method(String name) {
        MethodTable table = table();
        return new FlickrMethod(MethodResolver.resolve(table, name), table, Flickr::client);
    }

    /**
     * The API as a tree of groups and methods for dotted calls from dynamic languages, e.g. in Groovy
     * {@code Flickr.api().photos.search(tags: 'cat')}; see {@link FlickrApi} for each language. Calls use
     * the settings current when they are made.
     *
     * @return the API's root group, {@code flickr.}
     */
    public static FlickrApi api() {
        return new FlickrApi(MethodSpec.PREFIX, table(), Flickr::client);
    }

    /**
     * A method's documentation from the method table: its description, every argument with the
     * required ones marked, the permission it needs, whether it is signed, its error codes with their
     * meanings and the example answer when the table has one. Print it:
     * {@code System.out.println(Flickr.help("photos.search"))}.
     *
     * @param name the method's name, with or without its {@code flickr.} prefix
     * @return a method's documentation from the method table
     * @throws FlickrArgumentException for an unknown method, with the nearest names
     */
    public static String help(String name) {
        return CURRENT.get().help(name);
    }
}
