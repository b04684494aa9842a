package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;

/**
 * Flickr's upload and replace endpoints ({@code services/upload/}, {@code services/replace/}): a
 * {@code multipart/form-data} POST whose text fields are checked as a REST call's parameters are (key,
 * signature over every field but the file, token, {@code write} permission), and whose file part
 * {@code photo} is streamed through, counted and hashed, and kept in {@link PhotoFiles}, so the photo's
 * original is served back byte for byte. Then, in Flickr's words:
 * 2 {@code No photo specified}, 4 {@code Filesize was zero}, 8 {@code Filesize too large} (over the
 * sandbox's {@code maxUploadBytes}), 5 {@code Filetype was not recognised} (the first bytes are not a
 * known image or video format), and for a replace 3 {@code Photo not found} when {@code photo_id} is
 * not the caller's. A good upload becomes a photo of the caller ({@code <photoid>}); with
 * {@code async=1} a ticket ({@code <ticketid>}), processed after the sandbox's ticket delay, which
 * fails then if the file type is not recognised.
 */
final class UploadEndpoint {
    /** The upload path without its trailing slash (Flickr answers both forms). */
    static final String UPLOAD_ROUTE = "/services/upload";
    /** The replace path without its trailing slash (Flickr answers both forms). */
    static final String REPLACE_ROUTE = "/services/replace";
    private static final int KEPT = 1_000;

    private static final MethodSpec UPLOAD = spec("upload");
    private static final MethodSpec REPLACE = spec("replace");

    private final Gatekeeper gate;
    private final LiveData live;
    private final TicketDesk tickets;
    private final long maxBytes;
    private final LongSupplier nowSeconds;
    private final PhotoFiles files;
    private final ArrayDeque<SandboxUpload> received = new ArrayDeque<>();

    UploadEndpoint(Gatekeeper gate, LiveData live, TicketDesk tickets, long maxBytes, LongSupplier nowSeconds,
                   PhotoFiles files) {
        this.files = files;
        this.gate = gate;
        this.live = live;
        this.tickets = tickets;
        this.maxBytes = maxBytes;
        this.nowSeconds = nowSeconds;
    }

    private static MethodSpec spec(String name) {
        return new MethodSpec(name, "", Source.API, true, true, Permission.WRITE, "POST", List.of(), null, List.of(),
                null, null, true);
    }

    /** Whether a route (a path without its trailing slash) is one of the two endpoints. */
    static boolean handles(String route) {
        return UPLOAD_ROUTE.equals(route) || REPLACE_ROUTE.equals(route);
    }

    /**
     * A place for the bytes of an arriving upload's file, which the request decoder copies them into;
     * {@link PhotoFiles.Incoming#keep} then keeps them under their checksum, for the photo they become.
     *
     * @return the place; closing it without keeping drops the bytes
     * @throws IOException when the sandbox's file store cannot make it
     */
    PhotoFiles.Incoming incoming() throws IOException {
        return files.incoming();
    }

    /** Answers an upload or replace whose body has been read. */
    String answer(String verb, String url, String route, Map<String, String> params, Multipart.FilePart photo) {
        boolean replace = REPLACE_ROUTE.equals(route);
        Gatekeeper.Admitted admitted = gate.admit(replace ? REPLACE : UPLOAD, verb, url, params);
        if (photo == null) {
            throw new Fail(2, "No photo specified");
        }
        if (photo.size() == 0 || photo.size() > maxBytes) {
            remember(null, replace, photo);
            throw photo.size() == 0 ? new Fail(4, "Filesize was zero") : new Fail(8, "Filesize too large");
        }
        boolean async = "1".equals(params.get("async"));
        boolean recognised = FileTypes.recognised(photo.head());
        if (!recognised && !async) {
            remember(null, replace, photo);
            throw new Fail(5, "Filetype was not recognised");
        }
        String owner = admitted.viewer();
        if (replace) {
            String photoId = params.get("photo_id");
            Photo p = live.now().photosById.get(photoId);
            if (p == null || !p.owner().nsid().equals(owner)) {
                throw new Fail(3, "Photo not found");
            }
            if (async) {
                remember(null, true, photo);
                return ticket(() -> recognised ? replaced(photoId, owner, photo).id() : null);
            }
            Photo after = replaced(photoId, owner, photo);
            remember(photoId, true, photo);
            return new Xml(96).open("photoid").attr("secret", after.secret())
                    .attr("originalsecret", PhotoXml.originalSecret(after)).body()
                    .text(photoId).close("photoid").toString();
        }
        if (async) {
            remember(null, false, photo);
            return ticket(() -> recognised ? added(owner, params, photo).id() : null);
        }
        String id = added(owner, params, photo).id();
        remember(id, false, photo);
        return new Xml(48).element("photoid", id).toString();
    }

    private String ticket(java.util.function.Supplier<String> processing) {
        return new Xml(48).element("ticketid", tickets.take(processing)).toString();
    }

    /** Makes the uploaded photo: the caller's, titled as asked or after the file, visible as asked (public by default). */
    private Photo added(String owner, Map<String, String> params, Multipart.FilePart photo) {
        SandboxUser user = live.now().user(owner);
        long now = nowSeconds.getAsLong();
        String filename = photo.filename();
        return live.edit(draft -> {
            String id = draft.newPhotoId();
            Map<String, String> tags = TagText.distinct(params.get("tags"));
            int[] serverAndFarm = draft.newServerAndFarm();
            Photo p = new Photo(id, user, draft.newSecret(), Integer.toString(serverAndFarm[0]), serverAndFarm[1],
                    params.getOrDefault("title", withoutExtension(filename)), params.getOrDefault("description", ""),
                    List.copyOf(tags.keySet()), List.copyOf(tags.values()),
                    !"0".equals(params.getOrDefault("is_public", "1")), "1".equals(params.get("is_friend")),
                    "1".equals(params.get("is_family")), now,
                    DataSet.mysql(LocalDateTime.ofEpochSecond(now, 0, ZoneOffset.UTC)), 0);
            draft.put(p);
            files.assign(id, photo.sha256());
            return p;
        });
    }

    /** Gives a photo a new file: a new secret; a photo gone or no longer the caller's meanwhile is not found. */
    private Photo replaced(String photoId, String owner, Multipart.FilePart photo) {
        return live.edit(draft -> {
            Photo p = draft.photo(photoId);
            if (p == null || !p.owner().nsid().equals(owner)) {
                throw new Fail(3, "Photo not found");
            }
            Photo after = p.withSecret(draft.newSecret());
            draft.put(after);
            files.assign(photoId, photo.sha256());
            return after;
        });
    }

    private static String withoutExtension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }

    private void remember(String photoId, boolean replace, Multipart.FilePart photo) {
        synchronized (received) {
            if (received.size() == KEPT) {
                received.removeFirst();
            }
            received.addLast(new SandboxUpload(photoId, replace, photo.filename(), photo.contentType(), photo.size(),
                    photo.sha256()));
        }
    }

    /** The files received, oldest first (the latest 1,000). */
    List<SandboxUpload> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
