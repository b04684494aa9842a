package org.flickrdynamic.sandbox;

import static org.flickrdynamic.sandbox.SandboxHttp.assertFail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dom4j.Element;
import org.flickrdynamic.table.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The people, URL, group, gallery and collection methods answer from the data set's users, never an example. */
class PeopleTest {
    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static int publicPhotos(SandboxUser u) throws Exception {
        return SandboxHttp.total(http.list("photos", http.call("flickr.people.getPublicPhotos", "user_id", u.nsid())));
    }

    @Test
    void getInfoDescribesEachUserOfTheDataSetWithThePhotosTheCallerMaySee() throws Exception {
        for (SandboxUser u : sandbox.users()) {
            Element person = http.ok(http.call("flickr.people.getInfo", "user_id", u.nsid())).element("person");
            assertEquals(u.nsid(), person.attributeValue("nsid"));
            assertEquals(u.username(), person.elementText("username"));
            assertEquals(u.realname(), person.elementText("realname"));
            assertEquals("https://www.flickr.com/photos/" + u.nsid() + "/", person.elementText("photosurl"));
            assertEquals(Integer.toString(publicPhotos(u)), person.element("photos").elementText("count"),
                    "an anonymous caller counts the public photos");
        }
        SandboxUser owner = sandbox.users().get(0);
        SandboxToken token = sandbox.issueToken(owner.nsid(), Permission.READ);
        Element own = http.ok(http.oauth(http.call("flickr.people.getInfo", "user_id", owner.nsid()), token)).element("person");
        assertTrue(Integer.parseInt(own.element("photos").elementText("count")) > publicPhotos(owner),
                "the owner counts their private photos too");
        assertFail(1, "User not found", http.rsp(http.call("flickr.people.getInfo", "user_id", "0@N00")));
    }

    @Test
    void usersAreFoundByNameEmailAndUrlAndUnknownOnesAreNot() throws Exception {
        SandboxUser george = sandbox.users().stream().filter(u -> u.username().equals("george")).findFirst().orElseThrow();
        Element byName = http.ok(http.call("flickr.people.findByUsername", "username", "George")).element("user");
        assertEquals(george.nsid(), byName.attributeValue("nsid"), "names match without case, as on Flickr");
        assertEquals("george", byName.elementText("username"));
        assertEquals(george.nsid(), http.ok(http.call("flickr.people.findByEmail", "find_email", "george@example.com"))
                .element("user").attributeValue("nsid"));
        for (String url : List.of("https://www.flickr.com/photos/george/", "https://www.flickr.com/people/" + george.nsid() + "/",
                "https://www.flickr.com/photos/" + george.nsid() + "/12345")) {
            assertEquals(george.nsid(), http.ok(http.call("flickr.urls.lookupUser", "url", url)).element("user")
                    .attributeValue("id"), url);
        }
        assertFail(1, "User not found", http.rsp(http.call("flickr.people.findByUsername", "username", "nobody")));
        assertFail(1, "User not found", http.rsp(http.call("flickr.people.findByEmail", "find_email", "x@example.org")));
        assertFail(1, http.rsp(http.call("flickr.urls.lookupUser", "url", "https://www.flickr.com/photos/nobody/")));
    }

    @Test
    void profileAndPhotostreamUrlsAreTheNamedUsersOrTheCallers() throws Exception {
        SandboxUser u = sandbox.users().get(2);
        assertEquals("https://www.flickr.com/people/" + u.nsid() + "/",
                http.ok(http.call("flickr.urls.getUserProfile", "user_id", u.nsid())).element("user").attributeValue("url"));
        SandboxToken token = sandbox.issueToken(u.nsid(), Permission.READ);
        Element mine = http.ok(http.oauth(http.call("flickr.urls.getUserPhotos"), token)).element("user");
        assertEquals(u.nsid(), mine.attributeValue("nsid"));
        assertEquals("https://www.flickr.com/photos/" + u.nsid() + "/", mine.attributeValue("url"));
        assertFail(1, http.rsp(http.call("flickr.urls.getUserPhotos")));
    }

    @Test
    void groupsGalleriesAndCollectionsAreTheDataSetsNoneRatherThanAnExample() throws Exception {
        SandboxUser u = sandbox.users().get(1);
        Element groups = http.ok(http.call("flickr.people.getPublicGroups", "user_id", u.nsid())).element("groups");
        assertEquals(0, groups.elements().size());
        Element galleries = http.ok(http.call("flickr.galleries.getList", "user_id", u.nsid(), "continuation", "0",
                "short_limit", "1")).element("galleries");
        assertEquals("0", galleries.attributeValue("total"));
        assertEquals(u.nsid(), galleries.attributeValue("user_id"));
        Element tree = http.ok(http.call("flickr.collections.getTree", "user_id", u.nsid())).element("collections");
        assertEquals(0, tree.elements().size(), "no collection, and no set the user does not have");
        assertFail(1, http.rsp(http.call("flickr.people.getPublicGroups", "user_id", "0@N00")));
        assertFail(1, http.rsp(http.call("flickr.collections.getTree", "user_id", "0@N00")));
        assertFail(2, http.rsp(http.call("flickr.collections.getTree", "user_id", u.nsid(), "collection_id", "123")));
    }
}
