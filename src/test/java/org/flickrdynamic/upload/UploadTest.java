package org.flickrdynamic.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.dom4j.Element;
import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.Signing;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.limit.RateLimit;
import org.flickrdynamic.sandbox.RecordedRequest;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.sandbox.SandboxToken;
import org.flickrdynamic.sandbox.SandboxUpload;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads and replaces through the whole client stack to the sandbox's upload endpoints. */
class UploadTest {
    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};

    private static Sandbox sandbox;
    private static SandboxToken writer;
    private static FlickrClient flickr;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().ticketDelay(java.time.Duration.ofMillis(50)).start();
        writer = sandbox.issueToken(sandbox.users().get(0).nsid(), Permission.WRITE);
        // Signed always, so reads carry the token and the owner sees private photos.
        flickr = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret())
                .token(writer.token(), writer.tokenSecret()).signed(true).build();
    }

    @AfterAll
    static void stop() {
        flickr.close();
        sandbox.close();
    }

    /** A file that starts like a JPEG, followed by {@code size} random bytes of a given seed. */
    static Path jpeg(String name, int size, long seed) throws IOException {
        byte[] body = new byte[size];
        new Random(seed).nextBytes(body);
        Path file = dir.resolve(name);
        Files.write(file, JPEG_START);
        Files.write(file, body, java.nio.file.StandardOpenOption.APPEND);
        return file;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private Element info(FlickrClient client, String id) {
        return client.call("flickr.photos.getInfo", "photo_id", id).element("photo");
    }

    private static SandboxUpload lastUpload() {
        List<SandboxUpload> all = sandbox.uploads();
        return all.get(all.size() - 1);
    }

    @Test
    void anUploadBecomesAPhotoThatLaterReadsSee() throws Exception {
        Path file = jpeg("harbour.jpg", 20_000, 1);
        String id = flickr.upload(file, Map.of("title", "Harbour at dawn", "description", "Boats & <gulls>",
                "tags", List.of("sea", "new york", "Boats"), "is_public", false, "safety_level", 1));

        Element photo = info(flickr, id);
        assertEquals(writer.userNsid(), photo.element("owner").attributeValue("nsid"));
        assertEquals("Harbour at dawn", photo.elementText("title"));
        assertEquals("Boats & <gulls>", photo.elementText("description"));
        assertEquals("0", photo.element("visibility").attributeValue("ispublic"));
        List<Element> tags = photo.element("tags").elements("tag");
        assertEquals(List.of("sea", "newyork", "boats"), tags.stream().map(Element::getText).toList());
        assertEquals("new york", tags.get(1).attributeValue("raw"));

        // The bytes arrived whole: the sandbox hashed what it received.
        SandboxUpload received = lastUpload();
        assertEquals(id, received.photoId());
        assertEquals("harbour.jpg", received.filename());
        assertEquals("image/jpeg", received.contentType());
        assertEquals(Files.size(file), received.size());
        assertEquals(sha256(file), received.sha256());

        // A private photo: its owner finds it, nobody else does.
        Element mine = flickr.call("flickr.photos.search", "user_id", "me", "tags", "newyork").element("photos");
        assertEquals(id, mine.element("photo").attributeValue("id"));
        try (FlickrClient anonymous = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
            FlickrApiException e = assertThrows(FlickrApiException.class, () -> info(anonymous, id));
            assertEquals(1, e.code());
        }
    }

    @Test
    void everyFieldButTheFileIsSignedAndSentAsMultipart() throws Exception {
        sandbox.clearRequests();
        flickr.upload(jpeg("signed.jpg", 100, 2), Map.of("title", "Signed", "hidden", 2));
        RecordedRequest sent = sandbox.requests().get(0);
        assertEquals("POST", sent.httpMethod());
        assertEquals("/services/upload/", sent.path());
        assertTrue(sent.header("Content-Type").startsWith("multipart/form-data; boundary="), sent.header("Content-Type"));
        assertEquals("Signed", sent.param("title"));
        assertEquals("2", sent.param("hidden"));
        assertEquals(writer.token(), sent.param("oauth_token"));
        assertTrue(sent.params().containsKey("oauth_signature"));
        assertFalse(sent.params().containsKey("photo"), "the file is a part of its own, not a field");
    }

    @Test
    void theLegacySchemeSignsAnUploadToo() throws Exception {
        try (FlickrClient legacy = flickr.newBuilder().signing(Signing.LEGACY_MD5).token(writer.token(), null).build()) {
            sandbox.clearRequests();
            String id = legacy.upload(jpeg("legacy.jpg", 100, 3), null);
            assertEquals("legacy", info(flickr, id).elementText("title"), "without a title, the file's name");
            RecordedRequest sent = sandbox.requests().get(0);
            assertTrue(sent.params().containsKey("api_sig"));
            assertEquals(writer.token(), sent.param("auth_token"));
        }
    }

    @Test
    void anUploadTakesItsTurnUnderTheKeysRateLimit() throws Exception {
        // A key of its own: a rate limit belongs to its key for the whole JVM.
        try (Sandbox limited = Sandbox.builder().apiKey("upload-limit-key").start()) {
            SandboxToken token = limited.issueToken(limited.users().get(0).nsid(), Permission.WRITE);
            try (FlickrClient client = FlickrClient.builder().baseUrl(limited.baseUrl()).apiKey(limited.apiKey())
                    .secret(limited.secret()).token(token.token(), token.tokenSecret())
                    .rateLimit(RateLimit.of(1, java.time.Duration.ofHours(1)).withMaxWait(java.time.Duration.ofMillis(10)))
                    .build()) {
                client.upload(jpeg("first.jpg", 1_000, 7), Map.of());
                FlickrTransportException e = assertThrows(FlickrTransportException.class,
                        () -> client.upload(jpeg("second.jpg", 1_000, 8), Map.of()));
                assertTrue(e.getMessage().startsWith("Rate limit of API key upload-limit-key"), e.getMessage());
                assertEquals(1, limited.uploads().size(), "the second upload waited for a turn it could not get");
            }
        }
    }

    @Test
    void aLargeFileStreamsThroughWhole() throws Exception {
        Path big = dir.resolve("big.jpg");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(JPEG_START);
            f.setLength(24L * 1024 * 1024); // sparse: the rest reads as zeros
            f.seek(f.length() - 4);
            f.writeInt(0x12345678);
        }
        String id = flickr.upload(big, Map.of("title", "Big"));
        SandboxUpload received = lastUpload();
        assertEquals(id, received.photoId());
        assertEquals(Files.size(big), received.size());
        assertEquals(sha256(big), received.sha256());
    }

    @Test
    void refusalsOfTheUploadEndpointAreApiErrorsWithTheUploadCodes() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        FlickrApiException zero = assertThrows(FlickrApiException.class, () -> flickr.upload(empty, null));
        assertEquals(4, zero.code());
        assertEquals("upload", zero.method());
        assertEquals("Flickr error 4 calling upload: Filesize was zero (The file was zero bytes in length.)",
                zero.getMessage());

        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a picture at all");
        FlickrApiException type = assertThrows(FlickrApiException.class, () -> flickr.upload(text, null));
        assertEquals(5, type.code());
        assertTrue(type.getMessage().contains("Filetype was not recognised"), type.getMessage());

        try (Sandbox small = Sandbox.builder().maxUploadBytes(1_000).start();
             FlickrClient c = flickr.newBuilder().baseUrl(small.baseUrl()).build()) {
            FlickrApiException tooLarge = assertThrows(FlickrApiException.class,
                    () -> c.upload(jpeg("large.jpg", 2_000, 4), null));
            assertEquals(8, tooLarge.code());
        }

        // A token of unknown permission is left to Flickr, which answers the common code 99.
        SandboxToken reader = sandbox.issueToken(writer.userNsid(), Permission.READ);
        try (FlickrClient c = flickr.newBuilder().token(reader.token(), reader.tokenSecret()).build()) {
            FlickrApiException denied = assertThrows(FlickrApiException.class, () -> c.upload(jpeg("r.jpg", 10, 5), null));
            assertEquals(99, denied.code());
        }
    }

    @Test
    void badCallsAreRefusedBeforeSendingWithEveryProblemNamed() throws Exception {
        sandbox.clearRequests();
        Path file = jpeg("ok.jpg", 10, 6);
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> flickr.upload(file,
                Map.of("titel", "x", "is_public", 7, "safety_level", "high", "photo", "ok.jpg")));
        List<String> p = e.problems();
        assertTrue(p.stream().anyMatch(s -> s.startsWith("unknown argument titel (did you mean title?)")), p.toString());
        assertTrue(p.contains("argument is_public is '7'; give 0 (no) or 1 (yes)"), p.toString());
        assertTrue(p.contains("argument safety_level is 'high'; give 1 (Safe), 2 (Moderate) or 3 (Restricted)"),
                p.toString());
        assertTrue(p.contains("argument photo cannot be given: the file to upload is the path argument"), p.toString());

        FlickrArgumentException missing = assertThrows(FlickrArgumentException.class,
                () -> flickr.upload(dir.resolve("nowhere.jpg"), null));
        assertEquals(List.of("cannot upload " + dir.resolve("nowhere.jpg") + ": no such file"), missing.problems());
        FlickrArgumentException directory = assertThrows(FlickrArgumentException.class, () -> flickr.upload(dir, null));
        assertEquals(List.of("cannot upload " + dir + ": it is a directory, not a file"), directory.problems());
        assertThrows(FlickrArgumentException.class, () -> flickr.upload(null, null));

        Path locked = jpeg("locked.jpg", 10, 7);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) { // a superuser reads anything; then there is nothing to refuse
            FlickrArgumentException unreadable = assertThrows(FlickrArgumentException.class,
                    () -> flickr.upload(locked, null));
            assertTrue(unreadable.getMessage().contains("cannot be read"), unreadable.getMessage());
        }

        try (FlickrClient anonymous = flickr.newBuilder().token(null, null).build()) {
            FlickrArgumentException login = assertThrows(FlickrArgumentException.class,
                    () -> anonymous.upload(file, null));
            assertTrue(login.getMessage().contains("upload needs a logged-in user with write permission"),
                    login.getMessage());
        }
        AccessToken readOnly = new AccessToken(writer.token(), writer.tokenSecret(), writer.userNsid(),
                writer.username(), null, Permission.READ);
        try (FlickrClient c = flickr.newBuilder().token(readOnly).build()) {
            FlickrArgumentException perm = assertThrows(FlickrArgumentException.class, () -> c.upload(file, null));
            assertTrue(perm.getMessage().contains("upload needs write permission"), perm.getMessage());
        }
        assertTrue(sandbox.requests().isEmpty(), "nothing was sent: " + sandbox.requests());
    }

    @Test
    void tagsMayBeAListAndAQuoteInOneIsRefused() throws Exception {
        Path file = jpeg("tags.jpg", 10, 8);
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> flickr.upload(file, Map.of("tags", List.of("say \"cheese\""))));
        assertTrue(e.getMessage().contains("holds a double quote"), e.getMessage());
        String id = flickr.upload(file, Map.of("tags", "one \"two three\""));
        assertEquals(List.of("one", "twothree"),
                info(flickr, id).element("tags").elements("tag").stream().map(Element::getText).toList());
    }

    @Test
    void eachTagIsConvertedAsACallsArgumentIs() throws Exception {
        Path file = jpeg("tagtypes.jpg", 10, 22);
        sandbox.clearRequests();
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> flickr.upload(file,
                Map.of("tags", List.of(java.util.Optional.of("x"), List.of("nested"), Map.of("k", "v"), "ok"))));
        assertTrue(e.getMessage().contains("argument tags is a java.util.Optional"), e.getMessage());
        assertTrue(e.getMessage().contains("argument tags holds a nested list"), e.getMessage());
        assertTrue(e.getMessage().contains("argument tags is a java.util."), e.getMessage());
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(sandbox.requests().isEmpty(), "nothing was sent: " + sandbox.requests());

        String id = flickr.upload(file, Map.of("tags", List.of(1e20, true, java.time.LocalDate.of(2024, 5, 1),
                new java.math.BigDecimal("2.50"))));
        assertEquals(List.of("100000000000000000000", "1", "2024-05-01", "2.50"),
                info(flickr, id).element("tags").elements("tag").stream().map(e2 -> e2.attributeValue("raw")).toList());
    }

    @Test
    void replaceGivesThePhotoANewFile() throws Exception {
        String id = flickr.upload(jpeg("before.jpg", 500, 9), Map.of("title", "Kept"));
        String secretBefore = info(flickr, id).attributeValue("secret");
        Path after = jpeg("after.jpg", 700, 10);
        sandbox.clearRequests();
        assertEquals(id, flickr.replace(after, id, null));
        assertEquals("/services/replace/", sandbox.requests().get(0).path());
        assertEquals(id, sandbox.requests().get(0).param("photo_id"));

        Element photo = info(flickr, id);
        assertNotEquals(secretBefore, photo.attributeValue("secret"), "a new file has a new secret");
        assertEquals("Kept", photo.elementText("title"), "the photo's metadata stays");
        SandboxUpload received = lastUpload();
        assertTrue(received.replace());
        assertEquals(sha256(after), received.sha256());

        String othersPhoto = sandbox.photoIds().stream()
                .filter(p -> !p.equals(id))
                .filter(p -> {
                    try {
                        return !info(flickr, p).element("owner").attributeValue("nsid").equals(writer.userNsid());
                    } catch (FlickrApiException hidden) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        FlickrApiException e = assertThrows(FlickrApiException.class, () -> flickr.replace(after, othersPhoto, null));
        assertEquals(3, e.code());
        assertEquals("replace", e.method());

        FlickrArgumentException noId = assertThrows(FlickrArgumentException.class, () -> flickr.replace(after, " ", null));
        assertTrue(noId.getMessage().contains("no photo id was given"), noId.getMessage());
        FlickrArgumentException onlyAsync = assertThrows(FlickrArgumentException.class,
                () -> flickr.replace(after, id, Map.of("title", "x")));
        assertTrue(onlyAsync.getMessage().contains("unknown argument title"), onlyAsync.getMessage());
    }

    @Test
    void anAsynchronousUploadGivesATicketToWaitOn() throws Exception {
        String ticket = flickr.upload(jpeg("async.jpg", 300, 11), Map.of("async", 1, "title", "Later"));
        assertNull(lastUpload().photoId(), "an async upload answers before the photo exists");
        String id = flickr.awaitUpload(ticket, java.time.Duration.ofSeconds(10));
        assertEquals("Later", info(flickr, id).elementText("title"));

        String replaceTicket = flickr.replace(jpeg("async2.jpg", 300, 12), id, Map.of("async", true));
        assertEquals(id, UploadTickets.await(flickr, replaceTicket, java.time.Duration.ofSeconds(10)));

        // An async upload of a file Flickr cannot process is taken, and its ticket fails later.
        Path text = Files.writeString(dir.resolve("async.txt"), "plain text");
        String bad = flickr.upload(text, Map.of("async", 1));
        TicketException failed = assertThrows(TicketException.class,
                () -> flickr.awaitUpload(bad, java.time.Duration.ofSeconds(10)));
        assertEquals(TicketException.Reason.FAILED, failed.reason());
        assertEquals(List.of(bad), failed.tickets());
        assertFalse(failed.isRetryable());

        TicketException unknown = assertThrows(TicketException.class,
                () -> flickr.awaitUpload("999999", java.time.Duration.ofSeconds(10)));
        assertEquals(TicketException.Reason.INVALID, unknown.reason());
        assertEquals("upload ticket 999999 is unknown to Flickr", unknown.getMessage());
    }

    @Test
    void waitingRunsOutWithARetryableError() throws Exception {
        try (Sandbox slow = Sandbox.builder().ticketDelay(java.time.Duration.ofMinutes(10)).start();
             FlickrClient c = flickr.newBuilder().baseUrl(slow.baseUrl()).build()) {
            String ticket = c.upload(jpeg("slow.jpg", 10, 13), Map.of("async", 1));
            TicketException e = assertThrows(TicketException.class,
                    () -> c.awaitUpload(ticket, java.time.Duration.ofMillis(300)));
            assertEquals(TicketException.Reason.TIMED_OUT, e.reason());
            assertTrue(e.isRetryable());
            assertTrue(e.getMessage().contains("wait again with the same ticket"), e.getMessage());
            assertTrue(slow.requests().stream().filter(r -> "flickr.photos.upload.checkTickets".equals(r.param("method")))
                    .count() >= 2, "it asked more than once before giving up");
        }
        FlickrArgumentException bad = assertThrows(FlickrArgumentException.class,
                () -> flickr.awaitUpload(" ", java.time.Duration.ZERO));
        assertEquals(2, bad.problems().size(), bad.problems().toString());
    }

    @Test
    void theFacadeUploadsWithTheCurrentSettings() throws Exception {
        FlickrClient before = Flickr.client();
        try {
            Flickr.baseUrl(sandbox.baseUrl());
            Flickr.currentApiKey(sandbox.apiKey());
            Flickr.currentSecKey(sandbox.secret());
            Flickr.currentToken(writer.token(), writer.tokenSecret());
            String id = Flickr.upload(jpeg("facade.jpg", 50, 14), Map.of("title", "From the facade"));
            assertEquals("From the facade", info(flickr, id).elementText("title"));
            assertEquals(id, Flickr.replace(jpeg("facade2.jpg", 50, 15), id, null));
        } finally {
            Flickr.endpoints(before.endpoints());
            Flickr.currentApiKey(before.apiKey());
            Flickr.currentSecKey(before.secret());
            Flickr.currentToken(null, null);
        }
    }

    @Test
    void waitingForeverForATicketWorksAndANullTicketIsNamed() throws Exception {
        String ticket = flickr.upload(jpeg("forever.jpg", 50, 21), Map.of("async", 1));
        String id = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> flickr.awaitUpload(ticket, java.time.Duration.ofSeconds(Long.MAX_VALUE)));
        assertTrue(id.matches("[0-9]+"), id);
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class,
                () -> flickr.awaitUpload(null, java.time.Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("a ticket id is null"), e.getMessage());
    }
}
