package org.flickrdynamic.internal.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.hc.core5.http.HttpEntity;
import org.dom4j.Element;
import org.flickrdynamic.Signing;
import org.flickrdynamic.cache.ResponseCache;
import org.flickrdynamic.internal.request.CallValidator;
import org.flickrdynamic.internal.request.Problems;
import org.flickrdynamic.internal.response.ResponseReader;
import org.flickrdynamic.internal.retry.Retrier;
import org.flickrdynamic.internal.sign.Credentials;
import org.flickrdynamic.internal.sign.OAuth1Signer;
import org.flickrdynamic.internal.sign.SecretMask;
import org.flickrdynamic.internal.sign.Signer;
import org.flickrdynamic.internal.sign.Signers;
import org.flickrdynamic.internal.transport.HttpAnswer;
import org.flickrdynamic.internal.transport.HttpTransport;
import org.flickrdynamic.limit.RateLimiter;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * The whole path of every request a client sends: REST calls, uploads and replacements, and the OAuth
 * login steps. Two halves, each in one method:
 * <ol>
 * <li>{@link #prepareCall}, {@link #prepareUpload}, {@link #prepareLoginStep}: the method already resolved
 *     and its arguments normalized by the caller, <b>validate</b> them against the table (every problem at
 *     once, nothing sent), <b>decide signing</b>, whether it is a <b>read or a write</b>, the <b>verb</b>,
 *     and <b>encode</b> the parameters once;</li>
 * <li>{@link #execute}: the <b>cache</b> for unsigned reads, then {@link Retrier retries} around each
 *     attempt: a <b>rate-limit turn</b>, <b>signing afresh</b> (Flickr refuses a nonce it has seen),
 *     <b>send</b>, <b>read</b> the answer, and <b>classify</b> a failure by its kind, from which the
 *     retrier alone decides whether to send again.</li>
 * </ol>
 * What really differs between the three kinds of request is a setting of the {@link Request}: a multipart
 * body, the answer's reader (XML or an OAuth form) and whether the call timeout bounds it (an upload is
 * not: a large file takes long to send). The size cap and the rate limit apply to all of them alike.
 */
public final class Pipeline {
    /**
     * A client's settings, as the pipeline needs them. {@code toString()} shows no secret: the credentials
     * hide theirs.
     *
     * @param transport     the connection pool
     * @param restUrl       the REST endpoint
     * @param table         the method table
     * @param credentials   the key, secret and token (a call's own {@code api_key} replaces the key)
     * @param signing       the signing scheme of REST calls and uploads
     * @param signAll       {@code signed?}: sign every call, not only those the table says need it
     * @param token         what the token may do and whom it acts for, for validation
     * @param readTimeout   how long to wait for an answer and for each of its next bytes
     * @param callTimeout   how long one attempt of a call or login step may take as a whole
     * @param maxBytes      the size cap of an answer, on the wire and once decompressed
     * @param retrier       runs the attempts
     * @param rateLimiter   hands out turns, or {@code null} for no limit
     * @param cache         keeps unsigned reads' answers, or {@code null} for none
     */
    public record Context(HttpTransport transport, String restUrl, MethodTable table, Credentials credentials, Signing signing,
                          boolean signAll, CallValidator.Capabilities token, Duration readTimeout, Duration callTimeout,
                          long maxBytes, Retrier retrier, RateLimiter rateLimiter, ResponseCache cache) {
    }

    /**
     * One prepared request: everything decided before the first attempt.
     *
     * @param label       what it is for messages and the log: a method name or a login step
     * @param url         the endpoint
     * @param verb        {@code GET} or {@code POST}
     * @param params      the parameters before signing, in the order they are sent
     * @param encoded     {@code params} encoded for the wire, once
     * @param credentials the keys it is signed with
     * @param signer      the signer, or {@code null} when it is sent unsigned
     * @param read        whether it only reads, so it may be repeated after it may have arrived
     * @param cacheKey    the method name its answer is cached under, or {@code null} when it is not cached
     * @param multipart   builds a multipart body from the signed fields, or {@code null} for a form or query
     * @param answers     the reader of one attempt's answer, from the parameters it sent
     * @param timed       whether the call timeout bounds each attempt
     */
    public record Request<T>(String label, String url, String verb, Map<String, String> params, String encoded,
                             Credentials credentials, Signer signer, boolean read, String cacheKey,
                             Function<Map<String, String>, HttpEntity> multipart,
                             Function<Map<String, String>, HttpAnswer.Reader<T>> answers, boolean timed) {
    }

    private final Context context;

    /** A pipeline with a client's settings. */
    public Pipeline(Context context) {
        this.context = context;
    }

    /** The settings this pipeline runs with. */
    public Context context() {
        return context;
    }

    /**
     * Prepares a REST call. A read by the table stays a read when it must go as a POST because its URL
     * would be too long: it is repeated on a passing failure like any read.
     *
     * @param spec     the method, resolved
     * @param given    the arguments, normalized
     * @param problems what was wrong already (in resolving or normalizing); thrown with the rest
     * @throws org.flickrdynamic.FlickrArgumentException listing every problem; nothing is sent
     */
    public Request<Element> prepareCall(MethodSpec spec, Map<String, String> given, Problems problems) {
        String url = context.restUrl();
        boolean sign = signs(spec, given);
        Credentials credentials = validate(spec, given, sign, problems);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", spec.name());
        params.put("api_key", credentials.apiKey());
        params.putAll(given);
        String encoded = HttpTransport.form(params);
        String verb = HttpTransport.effectiveVerb(spec.httpVerb(), url, encoded);
        boolean read = ReadsAndWrites.isRead(spec);
        return new Request<>(spec.name(), url, verb, params, encoded, credentials,
                sign ? Signers.forScheme(context.signing()) : null, read, read && !sign ? spec.name() : null, null,
                sent -> xmlReader(spec, url, verb, sent, credentials, sign), true);
    }

    /**
     * Prepares an upload or a replacement: always signed, a write, a multipart body whose file part is
     * left out of the signature, and no call timeout, since a large file takes long to send.
     *
     * @param multipart builds the body from the signed fields; the file streams from disk on each attempt
     */
    public Request<Element> prepareUpload(MethodSpec spec, String url, Map<String, String> given, Problems problems,
                                          Function<Map<String, String>, HttpEntity> multipart) {
        Credentials credentials = validate(spec, given, true, problems);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("api_key", credentials.apiKey());
        fields.putAll(given);
        return new Request<>(spec.name(), url, "POST", fields, null, credentials, Signers.forScheme(context.signing()),
                false, null, multipart, sent -> xmlReader(spec, url, "POST", sent, credentials, true), false);
    }

    /**
     * Prepares an OAuth login step: a GET signed with OAuth whatever the client's scheme, whose answer is
     * an {@code application/x-www-form-urlencoded} text rather than XML.
     *
     * @param read whether repeating the step changes nothing (a request token) or uses something up (a verifier)
     */
    public Request<Map<String, String>> prepareLoginStep(String label, String url, Map<String, String> params,
                                                         Credentials credentials, boolean read) {
        Signer signer = Signers.forScheme(Signing.OAUTH1);
        return new Request<>(label, url, "GET", params, HttpTransport.form(params), credentials, signer, read, null,
                null, sent -> new FormAnswer(label, () -> OAuth1Signer.baseString("GET", url, sent),
                        SecretMask.of(credentials, sent)), true);
    }

    /**
     * Sends a prepared request: from the cache when it holds the answer of an unsigned read, else through
     * the retrier, each attempt taking its rate-limit turn and signed afresh.
     */
    public <T> T execute(Request<T> request) {
        ResponseCache cache = request.cacheKey() == null ? null : context.cache();
        String apiKey = request.credentials().apiKey();
        if (cache != null) {
            @SuppressWarnings("unchecked")
            T hit = (T) cache.get(request.url(), apiKey, request.cacheKey(), request.params());
            if (hit != null) {
                return hit;
            }
        }
        T answer = context.retrier().call(request.label(), request.read(), () -> attempt(request));
        if (cache != null) {
            cache.put(request.url(), apiKey, request.cacheKey(), request.params(), (Element) answer);
        }
        return answer;
    }

    /**
     * Fetches a file (a photo or video of Flickr's static-file host) with a GET, repeated on a passing
     * failure as any read is. It is not an API call, so it is neither signed nor counted by the rate limit,
     * and since a video may take gigabytes and long minutes, neither the size cap nor the call timeout
     * bounds it: the read timeout still ends a stalled transfer.
     *
     * @param label  what it is for messages: the photo and size
     * @param url    the file's URL
     * @param reader reads the body as it streams in; it is given each attempt's answer anew
     * @param <T>    what the reader makes of it
     * @return what the reader made of the answer
     */
    public <T> T fetchFile(String label, String url, HttpAnswer.Reader<T> reader) {
        return context.retrier().call(label, true, () -> context.transport().send(label, "GET", url, "",
                context.readTimeout(), null, Long.MAX_VALUE, reader));
    }

    /** One attempt: a rate-limit turn, a fresh signature, send, read. */
    private <T> T attempt(Request<T> r) {
        if (context.rateLimiter() != null) {
            context.rateLimiter().acquire(r.label());
        }
        Map<String, String> sent = r.signer() == null ? r.params()
                : r.signer().sign(r.verb(), r.url(), r.params(), r.credentials());
        HttpAnswer.Reader<T> reader = r.answers().apply(sent);
        Duration callTimeout = r.timed() ? context.callTimeout() : null;
        if (r.multipart() != null) {
            return context.transport().post(r.label(), r.url(), r.multipart().apply(sent), context.readTimeout(),
                    callTimeout, context.maxBytes(), reader);
        }
        return context.transport().send(r.label(), r.verb(), r.url(), withSignature(r, sent), context.readTimeout(),
                callTimeout, context.maxBytes(), reader);
    }

    /** The encoded parameters with the signature's own appended: what was encoded once is not encoded again. */
    private static String withSignature(Request<?> r, Map<String, String> sent) {
        if (sent == r.params()) {
            return r.encoded();
        }
        Map<String, String> added = new LinkedHashMap<>();
        sent.forEach((name, value) -> {
            if (!r.params().containsKey(name)) {
                added.put(name, value);
            }
        });
        String tail = HttpTransport.form(added);
        return r.encoded().isEmpty() ? tail : tail.isEmpty() ? r.encoded() : r.encoded() + '&' + tail;
    }

    /**
     * Decides signing, for both schemes: a method the table says needs it, every call when {@code signed?}
     * is on, a call carrying its own {@code auth_token}, and every call of a client holding a user's token,
     * which acts as that user (sees their private photos, their sets, {@code user_id=me}). An anonymous
     * call needs a client without a token.
     */
    private boolean signs(MethodSpec spec, Map<String, String> given) {
        return spec.needsSigning() || context.signAll() || given.containsKey("auth_token")
                || context.credentials().hasToken();
    }

    /** Checks a call of the table (or an upload) and returns its credentials; a call's {@code api_key} wins. */
    private Credentials validate(MethodSpec spec, Map<String, String> given, boolean sign, Problems problems) {
        Credentials base = context.credentials();
        Credentials credentials = new Credentials(given.getOrDefault("api_key", base.apiKey()), base.secret(),
                base.token(), base.tokenSecret());
        CallValidator.Capabilities token = context.token();
        CallValidator.validate(spec, given, new CallValidator.Capabilities(credentials.apiKey() != null,
                credentials.canSign(), credentials.hasToken(), token.tokenPermission(), token.tokenUser()), sign, problems);
        problems.throwIfAny(spec.name());
        return credentials;
    }

    /** The reader of an XML answer, which hides this attempt's signature, tokens and secrets wherever it quotes it. */
    private ResponseReader xmlReader(MethodSpec spec, String url, String verb, Map<String, String> sent,
                                     Credentials credentials, boolean signed) {
        return new ResponseReader(context.table(), spec, url,
                signed && context.signing() == Signing.OAUTH1 ? () -> OAuth1Signer.baseString(verb, url, sent) : null,
                SecretMask.of(credentials, sent));
    }
}
