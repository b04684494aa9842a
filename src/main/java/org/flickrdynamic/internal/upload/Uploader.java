package org.flickrdynamic.internal.upload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.dom4j.Element;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.internal.pipeline.Pipeline;
import org.flickrdynamic.internal.request.Problems;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.transport.Endpoints;

/**
 * Sends a file to Flickr's upload or replace endpoint: checks the call (file, arguments, key, secret,
 * login) with every problem at once and nothing sent, signs every field but the file as Flickr requires,
 * and POSTs them as {@code multipart/form-data} with the file streamed from disk, so a file of any size
 * passes through a small, fixed amount of memory. It goes through the client's {@link Pipeline} like any
 * REST call (size cap, rate-limit turn, retried as a write); a {@code <rsp stat="fail">} becomes a
 * {@code FlickrApiException} with the upload API's codes explained.
 *
 * <p>Use it through {@code FlickrClient.upload} and {@code replace}; one is made per call.
 */
public final class Uploader {
    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);

    private final Pipeline pipeline;
    private final Endpoints endpoints;

    /**
     * An uploader sending through a client's request path.
     *
     * @param pipeline  the client's pipeline: credentials, signing, pool, size cap, retries and rate limit
     * @param endpoints where the upload and replace endpoints are
     */
    public Uploader(Pipeline pipeline, Endpoints endpoints) {
        this.pipeline = pipeline;
        this.endpoints = endpoints;
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
        return send(UploadSpecs.of(pipeline.context().table(), UploadSpecs.UPLOAD_NAME), endpoints.upload(), file, null, args);
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
        return send(UploadSpecs.of(pipeline.context().table(), UploadSpecs.REPLACE_NAME), endpoints.replace(), file, photoId, args);
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

        // Retried like any write: only when it certainly never reached the server.
        Element rsp = pipeline.execute(pipeline.prepareUpload(spec, url, given, problems, fields -> multipart(fields, file)));
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
                + " has neither a <photoid> nor a <ticketid>", FlickrTransportException.Kind.NOT_FLICKR, 200, null);
    }
}
