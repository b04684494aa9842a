package org.flickrdynamic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

/** Where a REST endpoint takes the other endpoints. */
class EndpointsTest {
    private static final Endpoints PROXIED = Endpoints.FLICKR.withUpload("https://proxy.example/up/");

    @Test
    void anotherServicesRestEndpointBringsTheOthersAlong() {
        Endpoints e = PROXIED.forRest("http://127.0.0.1:8080/services/rest/");
        assertEquals(new Endpoints("http://127.0.0.1:8080/services/rest/", "http://127.0.0.1:8080/services/upload/",
                "http://127.0.0.1:8080/services/replace/", "http://127.0.0.1:8080/services/oauth/",
                "http://127.0.0.1:8080/static/"), e);
        Endpoints underAPath = Endpoints.FLICKR.forRest("https://mirror.example/flickr/services/rest");
        assertEquals("https://mirror.example/flickr/services/rest", underAPath.rest());
        assertEquals("https://mirror.example/flickr/services/upload/", underAPath.upload());
        assertEquals("https://mirror.example/flickr/services/oauth/", underAPath.oauth());
    }

    @Test
    void flickrsUploadEndpointsAreTheMethodTables() {
        org.flickrdynamic.table.MethodTable table = org.flickrdynamic.table.MethodTable.bundled();
        assertEquals(table.upload("upload").orElseThrow().endpoint(), Endpoints.FLICKR.upload());
        assertEquals(table.upload("replace").orElseThrow().endpoint(), Endpoints.FLICKR.replace());
    }

    @Test
    void staticFileUrlsMoveWithTheRestEndpointAndStayAtFlickrOtherwise() {
        String url = "https://live.staticflickr.com/65535/123_abc_o.jpg";
        assertEquals("http://127.0.0.1:8080/static/65535/123_abc_o.jpg",
                Endpoints.FLICKR.forRest("http://127.0.0.1:8080/services/rest/").file(url));
        assertEquals(url, Endpoints.FLICKR.file(url));
        assertEquals("https://www.flickr.com/photos/x/1/play/orig/abc/",
                Endpoints.atBase("http://127.0.0.1:9/").file("https://www.flickr.com/photos/x/1/play/orig/abc/"));
    }

    @Test
    void flickrsOwnRestEndpointPutsEveryEndpointBack() {
        assertSame(Endpoints.FLICKR, Endpoints.atBase("http://127.0.0.1:9/").forRest(Endpoints.FLICKR.rest()));
    }

    @Test
    void aRestEndpointLaidOutOtherwiseOrOnAFlickrHostMovesAlone() {
        assertEquals(PROXIED.withRest("https://gateway.example/rest"), PROXIED.forRest("https://gateway.example/rest"));
        assertEquals(PROXIED.withRest("https://api.flickr.com/services/rest/v2/"),
                PROXIED.forRest("https://api.flickr.com/services/rest/v2/"));
        assertEquals(PROXIED.withRest("https://www.flickr.com/services/rest/"),
                PROXIED.forRest("https://www.flickr.com/services/rest/"));
        assertEquals(PROXIED.withRest("not a url"), PROXIED.forRest("not a url"));
    }

    @Test
    void aClientOrTheFacadePointedAtASandboxUploadsAndLogsInThereToo() {
        try (Sandbox sandbox = Sandbox.start();
             FlickrClient client = FlickrClient.builder().endpoint(sandbox.restUrl()).build()) {
            assertEquals(Endpoints.atBase(sandbox.baseUrl()), client.endpoints());
            String before = Flickr.endpoint();
            try {
                Flickr.endpoint(sandbox.restUrl());
                assertEquals(Endpoints.atBase(sandbox.baseUrl()), Flickr.client().endpoints());
            } finally {
                Flickr.endpoint(before);
            }
            assertEquals(Endpoints.FLICKR, Flickr.client().endpoints(), "back at Flickr, every endpoint");
        }
    }

    @Test
    void onlyThisMachineIsTheLoopback() {
        for (String host : new String[] {"localhost", "LOCALHOST", "::1", "[::1]", "0:0:0:0:0:0:0:1", "127.0.0.1",
                "127.1.22.255"}) {
            assertTrue(Endpoints.isLoopback(host), host);
        }
        for (String host : new String[] {"127.0.0", "127.0.0.1.5", "127..0.1", "127.0.0.", "127.0.0.1000", "1127.0.0.1",
                "127.0.0.1.example.com", "127.0.0.1x", "128.0.0.1", "10.0.0.1", "api.flickr.com", "",
                "127.\u0661.0.1", "127.0.0.-1",
                "127.999.0.0", "127.0.0.256"}) { // not an address: a name some resolver could send anywhere
            assertFalse(Endpoints.isLoopback(host), host);
        }
    }
}
