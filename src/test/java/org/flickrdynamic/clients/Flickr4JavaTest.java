package org.flickrdynamic.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.flickr4java.flickr.Flickr;
import com.flickr4java.flickr.FlickrException;
import com.flickr4java.flickr.REST;
import com.flickr4java.flickr.RequestContext;
import com.flickr4java.flickr.auth.Auth;
import com.flickr4java.flickr.people.User;
import com.flickr4java.flickr.photos.Photo;
import com.flickr4java.flickr.photos.PhotoList;
import com.flickr4java.flickr.photos.SearchParameters;
import com.flickr4java.flickr.photos.Size;
import com.flickr4java.flickr.tags.Tag;
import com.flickr4java.flickr.uploader.UploadMetaData;
import com.flickr4java.flickr.uploader.Uploader;
import com.flickr4java.flickr.uploader.UploaderResponse;
import com.github.scribejava.apis.FlickrApi;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.oauth.OAuth10aService;

import org.dom4j.Element;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flickr4Java 3.0, unmodified but for its address, against the sandbox: the steps a user's application
 * takes, each checked against what this project's own client reads from the same sandbox.
 *
 * <p>Only the address changes: the {@code REST} transport's scheme, host and port, and, for the OAuth
 * login, which Flickr4Java's {@code AuthInterface} makes with scribejava's {@code FlickrApi} at Flickr's
 * fixed URLs, the same {@code FlickrApi} with those URLs' origin replaced. Signing and encoding are the
 * libraries' own.
 */
@org.junit.jupiter.api.Tag("clients")
class Flickr4JavaTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    private static Sandbox sandbox;
    private static FlickrClient ours;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        ours = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).secret(sandbox.secret()).build();
    }

    @AfterAll
    static void stop() {
        ours.close();
        sandbox.close();
    }

    @AfterEach
    void logOut() {
        RequestContext.getRequestContext().setAuth(null);
    }

    /** Flickr4Java's REST transport at the sandbox's address; its REST path is Flickr's, unchanged. */
    private static REST transport() {
        REST rest = new REST("127.0.0.1:" + sandbox.port());
        rest.setScheme("http");
        rest.setPort(0); // the port is in the host already: REST builds most URLs from scheme and host alone
        return rest;
    }

    private static Flickr flickr(String secret) {
        return new Flickr(sandbox.apiKey(), secret, transport());
    }

    @Test
    void unsignedCallsReadWhatTheProjectsClientReads() throws Exception {
        Flickr f4j = flickr(sandbox.secret());
        Collection<org.w3c.dom.Element> echoed = f4j.getTestInterface().echo(Map.of("foo", "bar"));
        assertTrue(echoed.stream().anyMatch(e -> e.getTagName().equals("foo") && e.getTextContent().equals("bar")),
                "echo answers the argument back");

        SearchParameters search = new SearchParameters();
        search.setTags(new String[] {"cat"});
        search.setExtras(Set.of("date_upload", "tags", "owner_name"));
        PhotoList<Photo> found = f4j.getPhotosInterface().search(search, 20, 1);
        Element expected = ours.call("photos.search", "tags", "cat", "per_page", 20, "extras", "date_upload,tags,owner_name")
                .element("photos");
        assertEquals(Integer.parseInt(expected.attributeValue("total")), found.getTotal());
        assertEquals(expected.elements("photo").stream().map(p -> p.attributeValue("id")).toList(),
                found.stream().map(Photo::getId).toList());
        for (Photo p : found) {
            assertTrue(p.getTags().stream().map(Tag::getValue).anyMatch("cat"::equals), "the tags extra is read");
            assertTrue(p.getDatePosted() != null, "the date_upload extra is read");
        }

        Photo first = found.get(0);
        Photo info = f4j.getPhotosInterface().getInfo(first.getId(), null);
        Element ourInfo = ours.call("photos.getInfo", "photo_id", first.getId()).element("photo");
        assertEquals(ourInfo.elementText("title"), info.getTitle());
        assertEquals(ourInfo.element("owner").attributeValue("nsid"), info.getOwner().getId());

        Collection<Size> sizes = f4j.getPhotosInterface().getSizes(first.getId());
        List<String> ourSizes = ours.call("photos.getSizes", "photo_id", first.getId()).element("sizes")
                .elements("size").stream().map(s -> s.attributeValue("source")).toList();
        assertEquals(ourSizes, sizes.stream().map(Size::getSource).toList());
    }

    @Test
    void oauthLoginThenSignedReadsWritesUploadAndReplace() throws Exception {
        OAuth1AccessToken access = login();
        Flickr f4j = flickr(sandbox.secret());
        Auth checked = f4j.getAuthInterface().checkToken(access.getToken(), access.getTokenSecret());
        String nsid = sandbox.users().get(0).nsid();
        assertEquals(nsid, checked.getUser().getId(), "checkToken, signed the legacy way, names the user");
        assertEquals("write", checked.getPermission().toString());

        RequestContext.getRequestContext().setAuth(checked);
        User me = f4j.getTestInterface().login();
        assertEquals(nsid, me.getId());

        SearchParameters mine = new SearchParameters();
        mine.setUserId(nsid);
        String photoId = f4j.getPhotosInterface().search(mine, 1, 1).get(0).getId();
        f4j.getPhotosInterface().addTags(photoId, new String[] {"flickr4java"});
        assertTrue(f4j.getPhotosInterface().getInfo(photoId, null).getTags().stream().map(Tag::getValue)
                .anyMatch("flickr4java"::equals), "the added tag is read back");
        try (FlickrClient asUser = ours.newBuilder().token(access.getToken(), access.getTokenSecret()).signed(true).build()) {
            assertTrue(asUser.call("photos.getInfo", "photo_id", photoId).element("photo").element("tags").elements("tag")
                    .stream().anyMatch(t -> t.getText().equals("flickr4java")), "and seen by the project's client");
        }

        REST uploadTransport = transport();
        uploadTransport.setResponseClass(UploaderResponse.class);
        Uploader uploader = new Uploader(sandbox.apiKey(), sandbox.secret(), uploadTransport);
        String uploaded = uploader.upload(JPEG, new UploadMetaData().setTitle("From Flickr4Java").setFilename("f4j.jpg"));
        Photo added = f4j.getPhotosInterface().getInfo(uploaded, null);
        assertEquals("From Flickr4Java", added.getTitle());
        assertEquals(nsid, added.getOwner().getId());

        String replaced = uploader.replace(JPEG, uploaded, false);
        assertEquals(uploaded, replaced);
        Photo after = f4j.getPhotosInterface().getInfo(uploaded, null);
        assertNotEquals(added.getSecret(), after.getSecret(), "a replaced file gets a new secret");
        assertEquals(2, sandbox.uploads().stream().filter(u -> uploaded.equals(u.photoId())).count());
    }

    @Test
    void aBadSignatureIsFlickr4JavasOwnError() throws Exception {
        OAuth1AccessToken access = login();
        Auth auth = flickr(sandbox.secret()).getAuthInterface().checkToken(access.getToken(), access.getTokenSecret());
        RequestContext.getRequestContext().setAuth(auth);
        Flickr wrongSecret = flickr("not-the-secret");
        FlickrException e = assertThrows(FlickrException.class, () -> wrongSecret.getTestInterface().login());
        assertTrue(e.getMessage().contains("401"), e.getMessage());
    }

    @Test
    void pagesFollowEachOtherAndAPagePastTheLastIsEmpty() throws Exception {
        Flickr f4j = flickr(sandbox.secret());
        SearchParameters search = new SearchParameters();
        search.setUserId(sandbox.users().get(1).nsid());
        PhotoList<Photo> one = f4j.getPhotosInterface().search(search, 50, 1);
        PhotoList<Photo> two = f4j.getPhotosInterface().search(search, 50, 2);
        assertEquals(2, two.getPage());
        assertFalse(two.isEmpty());
        assertTrue(one.stream().map(Photo::getId).noneMatch(id -> two.stream().anyMatch(p -> p.getId().equals(id))),
                "no photo on two pages");
        int past = one.getPages() + 1;
        PhotoList<Photo> beyond = f4j.getPhotosInterface().search(search, 50, past);
        assertTrue(beyond.isEmpty(), "a page past the last is empty, as Flickr answers it");
        assertEquals(past, beyond.getPage());
        assertEquals(one.getTotal(), beyond.getTotal());
    }

    /**
     * The OAuth 1.0a login with scribejava's {@code FlickrApi}, Flickr4Java's own, at the sandbox's address:
     * request token, the authorize page (the sandbox approves at once and shows the verifier, as Flickr does
     * for an out-of-band callback), access token.
     */
    private static OAuth1AccessToken login() throws Exception {
        OAuth10aService service = new ServiceBuilder(sandbox.apiKey()).apiSecret(sandbox.secret()).callback("oob")
                .build(new SandboxFlickrApi(sandbox.baseUrl()));
        OAuth1RequestToken request = service.getRequestToken();
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.getAuthorizationUrl(request)))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher verifier = Pattern.compile("id=\"verifier\">([^<]+)<").matcher(page);
        assertTrue(verifier.find(), page);
        return service.getAccessToken(request, verifier.group(1));
    }

    /** scribejava's {@code FlickrApi} for write permission, its URLs' origin the sandbox's. */
    private static final class SandboxFlickrApi extends FlickrApi {
        private final String origin;

        SandboxFlickrApi(String baseUrl) {
            super(FlickrPerm.WRITE);
            this.origin = baseUrl.substring(0, baseUrl.length() - 1);
        }

        private String here(String url) {
            return url.replace("https://www.flickr.com", origin);
        }

        @Override
        public String getRequestTokenEndpoint() {
            return here(super.getRequestTokenEndpoint());
        }

        @Override
        public String getAccessTokenEndpoint() {
            return here(super.getAccessTokenEndpoint());
        }

        @Override
        public String getAuthorizationBaseUrl() {
            return here(super.getAuthorizationBaseUrl());
        }
    }
}
