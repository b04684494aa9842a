package org.flickrdynamic.sandbox;

import java.util.Map;

import org.flickrdynamic.table.MethodTable;

/** {@code flickr.test.*} and {@code flickr.reflection.*}: echo, null, login, and the table described. */
final class TestRoutes {
    private TestRoutes() {
    }

    static void register(Map<String, Route> routes, DataSet data, MethodTable table) {
        routes.put("flickr.test.echo", (request, params) -> {
            Xml x = new Xml(256);
            params.forEach((name, value) -> {
                // Signatures are never echoed; names that cannot be elements are left out rather than
                // producing XML no parser would accept.
                if (!name.equals("api_sig") && !name.equals("oauth_signature") && Xml.isName(name)) {
                    x.element(name, value);
                }
            });
            return x.toString();
        });
        routes.put("flickr.test.null", (request, params) -> "");
        routes.put("flickr.test.login", (request, params) -> {
            SandboxUser u = data.user(request.viewer());
            return new Xml(128).open("user").attr("id", u.nsid()).attr("path_alias", "").body()
                    .element("username", u.username()).close("user").toString();
        });
        ReflectionRoutes.register(routes, table);
    }
}
