package org.flickrdynamic.sandbox;

import java.util.Map;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * {@code flickr.reflection.getMethods} and {@code getMethodInfo}, written from the method table in
 * Flickr's own format, so every fact of the table can be read back over the API.
 */
final class ReflectionRoutes {
    private ReflectionRoutes() {
    }

    static void register(Map<String, Route> routes, MethodTable table) {
        routes.put("flickr.reflection.getMethods", (request, params) -> {
            Xml x = new Xml(16_384).open("methods").body();
            for (String name : table.names()) {
                x.element("method", name);
            }
            return x.close("methods").toString();
        });
        routes.put("flickr.reflection.getMethodInfo", (request, params) -> {
            String name = params.get("method_name");
            MethodSpec m = name == null ? null : table.find(name).filter(s -> s.name().equals(name)).orElse(null);
            if (m == null) {
                throw new Fail(1, "Method not found");
            }
            return info(table, m);
        });
    }

    static String info(MethodTable table, MethodSpec m) {
        Xml x = new Xml(4096);
        x.open("method").attr("name", m.name()).attr("needslogin", m.needsLogin())
                .attr("needssigning", m.needsSigning()).attr("requiredperms", m.permission().ordinal()).body();
        x.element("description", m.description());
        if (m.exampleResponse() != null) {
            x.element("response", m.exampleResponse());
        }
        if (m.explanation() != null) {
            x.element("explanation", m.explanation());
        }
        x.close("method");
        x.open("arguments").body();
        x.open("argument").attr("name", "api_key").attr("optional", 0).body()
                .text("Your API application key. <a href=\"/services/api/misc.api_keys.html\">See here</a> for more details.")
                .close("argument");
        for (ArgumentSpec a : m.arguments()) {
            x.open("argument").attr("name", a.name()).attr("optional", !a.required()).body()
                    .text(a.description() == null ? "" : a.description()).close("argument");
        }
        x.close("arguments");
        x.open("errors").body();
        for (ErrorSpec e : table.errors(m)) {
            x.open("error").attr("code", e.code()).attr("message", e.message()).body()
                    .text(e.explanation() == null ? "" : e.explanation()).close("error");
        }
        return x.close("errors").toString();
    }
}
