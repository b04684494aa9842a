package org.flickrdynamic.upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.dom4j.Element;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.Signing;
import org.flickrdynamic.limit.RateLimit;
import org.flickrdynamic.limit.RateLimiters;
import org.flickrdynamic.request.CallValidator;
import org.flickrdynamic.request.Problems;
import org.flickrdynamic.response.ResponseReader;
import org.flickrdynamic.sign.Credentials;
import org.flickrdynamic.sign.OAuth1Signer;
import org.flickrdynamic.sign.SecretMask;
import org.flickrdynamic.sign.Signers;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.transport.Endpoints;
import org.flickrdynamic.transport.HttpTransport;

/**
 * Sends a file to Flickr's upload or replace endpoint: checks the call (file, arguments, key, secret,
 * login) with every problem at once and nothing sent, signs every field but the file as Flickr requires,
 * and POSTs them as {@code multipart/form-data} with the file streamed from disk, so a file of any size
 * passes through a small, fixed amount of memory. The answer is read like any REST answer: a
 * {@code <rsp stat="fail">} becomes a {@code FlickrApiException} with the upload API's codes explained.
 *
 * <p>Use it through {@code FlickrClient.upload} and {@code replace}; one is made per call.
 */
public final class Uploader {
    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);

    /**
     * What an upload needs of its client's settings. Its {@code toString()} shows no secret: the
     * credentials hide theirs.
     *
     * @param transport        the connection pool to send through
     * @param endpoints        where the upload and replace endpoints are
     * @param credentials      the key, secret and token to sign with
     * @param signing          the signing scheme
     * @param tokenPermission  what the token may do, or {@code null} when unknown
     * @param tokenUser        who the token acts for, for messages, or {@code null}
     * @param table            the method table, for the common error codes
     * @param readTimeout      how long to wait for the answer once the file is sent
     * @param maxResponseBytes the largest answer accepted
     * @param rateLimit        the key's rate limit, or {@code null} for none
     */
    public record Context(HttpTransport transport, Endpoints endpoints, Credentials credentials, Signing signing,
                          Permission tokenPermission, String tokenUser, MethodTable table, Duration readTimeout,
                          long maxResponseBytes, RateLimit rateLimit) {
    }

    private final Context context;

    /** An uploader with a client's settings. */
    public Uploader(Context context) {
        this.context = context;
    }

    /**
     * Uploads a photo or video.
     *
     * @param file the file, streamed from disk
     * @param args {@code title}, {@code description}, {@code tags}, {@code is_public}, {@code is_friend},
     *             {@code is_family}, {@code safety_level}, {@code content_type}, {@code hidden},
     *             {@code async}; {@code null} for none
     * @return the new photo's id, or with {@code async=1} the ticket id to wait on
     */
    public String upload(Path file, Map<?, ?> args) {
        return send(UploadSpecs.of(context.table(), UploadSpecs.UPLOAD_NAME), context.endpoints().upload(), file, null, args);
    }

    /**
     * Replaces the file of a photo.
     *
     * @param file    the new file, streamed from disk
     * @param photoId the photo to replace
     * @param args    {@code async}; {@code null} for none
     * @return the photo's id, or with {@code async=1} the ticket id to wait on
     */
    public String replace(Path file, String photoId, Map<?, ?> args) {
        return send(UploadSpecs.of(context.table(), UploadSpecs.REPLACE_NAME), context.endpoints().replace(), file, photoId, args);
    }

    private String send(MethodSpec spec, String url, Path file, String photoId, Map<?, ?> args) {
        Problems problems = new Problems();
        UploadFile.check(file, problems);
        Map<String, String> given = new LinkedHashMap<>();
        if (spec.name().equals(UploadSpecs.REPLACE_NAME)) {
            if (photoId == null || photoId.isBlank()) {
                problems.add("no photo id was given: replace needs the id of the photo whose file to replace");
            } else {
                given.put("photo_id", photoId.strip());
            }
            if (args != null && args.containsKey("photo_id")) {
                problems.add("argument photo_id cannot be given: the photo to replace is the photoId argument");
            }
        }
        Map<String, String> normalized = UploadArguments.normalize(args, problems);
        normalized.remove("photo_id");
        given.putAll(normalized);

        Credentials base = context.credentials();
        Credentials credentials = new Credentials(given.getOrDefault("api_key", base.apiKey()), base.secret(),
                base.token(), base.tokenSecret());
        CallValidator.validate(spec, given, new CallValidator.Capabilities(credentials.apiKey() != null,
                credentials.canSign(), credentials.hasToken(), context.tokenPermission(), context.tokenUser()),
                true, problems);
        problems.throwIfAny(spec.name());

        if (context.rateLimit() != null) {
            // An upload is a request with the key like any other: it takes its turn.
            RateLimiters.forKey(credentials.apiKey(), context.rateLimit()).acquire(spec.name());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("api_key", credentials.apiKey());
        fields.putAll(given);
        // The file is not a parameter of the signature: Flickr signs every other field, as sent.
        Map<String, String> signed = Signers.forScheme(context.signing()).sign("POST", url, fields, credentials);
        ResponseReader reader = new ResponseReader(context.table(), spec, url, context.maxResponseBytes(),
                context.signing() == Signing.OAUTH1 ? () -> OAuth1Signer.baseString("POST", url, signed) : null,
                SecretMask.of(credentials, signed));
        Element rsp = context.transport().post(spec.name(), url, multipart(signed, file), context.readTimeout(),
                context.maxResponseBytes(), reader);
        return id(spec, url, rsp);
    }

    /** The fields as text parts, then the file as the part {@code photo}, whose bytes are read as they are sent. */
    private static HttpEntity multipart(Map<String, String> fields, Path file) {
        MultipartEntityBuilder b = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.EXTENDED) // UTF-8 file names, as browsers send them
                .setCharset(StandardCharsets.UTF_8);
        fields.forEach((name, value) -> b.addTextBody(name, value, TEXT));
        b.addPart("photo", new SteadyFileBody(file.toFile(), ContentType.create(UploadFile.mediaType(file)),
                file.getFileName().toString()));
        return b.build();
    }

    private static String id(MethodSpec spec, String url, Element rsp) {
        for (String name : new String[] {"photoid", "ticketid"}) {
            Element e = rsp.element(name);
            if (e != null && !e.getTextTrim().isEmpty()) {
                return e.getTextTrim();
            }
        }
        throw new FlickrTransportException("The answer to " + spec.name() + " from " + url
                + " has neither a <photoid> nor a <ticketid>", 200, false, null);
    }
}
