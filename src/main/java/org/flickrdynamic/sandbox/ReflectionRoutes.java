package org.flickrdynamic.sandbox;

import java.util.Locale;
import java.util.Map;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * {@code flickr.reflection.getMethods} and {@code flickr.reflection.getMethodInfo}, written from the
 * method table in Flickr's own format, so every fact of the table can be read back over the API (and a
 * table rebuilt from them). getMethodInfo's payload:
 * <pre>{@code
 * <method name="flickr.photos.addTags" needslogin="1" needssigning="1" requiredperms="2"
 *         httpverb="POST" source="both">
 *   <description>..</description><response>example payload, escaped</response><explanation>..</explanation>
 * </method>
 * <arguments>
 *   <argument name="api_key" optional="0">Your API application key. ..</argument>
 *   <argument name="photo_id" optional="0">..</argument> ...
 * </arguments>
 * <errors>
 *   <error code="1" message="Photo not found">explanation</error> ...          the method's own codes
 *   <error code="96" message="Invalid signature" common="1">..</error> ...     then the common ones
 * </errors>
 * }</pre>
 * {@code requiredperms} is 0 none, 1 read, 2 write, 3 delete, as on Flickr. Flickr writes the
 * {@code api_key} argument first; it is not in the table, which lists only a method's own arguments.
 * Beyond Flickr's format, the attributes {@code httpverb}, {@code source}, {@code anyarguments="1"}
 * (a method taking arguments beyond its list), {@code paginglist} and {@code pagingitem} (a paged
 * method's list and item elements), {@code retired="1"}, {@code changesstate="1"} (a read that changes
 * state), {@code maxresults}, and on errors {@code common="1"}, {@code source} and {@code temporary="1"}
 * carry the table's remaining facts; a client reading Flickr's format ignores them. {@code <response>} and {@code <explanation>} are left
 * out when the table has none.
 */
final class ReflectionRoutes {
    private static final String API_KEY_DESCRIPTION =
            "Your API application key. <a href=\"/services/api/misc.api_keys.html\">See here</a> for more details.";

    private ReflectionRoutes() {
    }

    static void register(Map<String, Route> routes, MethodTable table) {
        String methods = methods(table); // the table never changes under a running sandbox
        routes.put("flickr.reflection.getMethods", (request, params) -> methods);
        routes.put("flickr.reflection.getMethodInfo", (request, params) -> {
            String name = params.get("method_name");
            // Flickr wants the full name here too; the table's short-name lookup is the client's convenience.
            MethodSpec m = table.find(name).filter(s -> s.name().equals(name)).orElse(null);
            if (m == null) {
                throw DocumentedErrors.notFound(request.method(), "method_name", 1, "Method not found");
            }
            return info(table, m);
        });
    }

    private static String methods(MethodTable table) {
        Xml x = new Xml(16_384).open("methods").body();
        for (String name : table.names()) {
            x.element("method", name);
        }
        return x.close("methods").toString();
    }

    static String info(MethodTable table, MethodSpec m) {
        Xml x = new Xml(4096);
        x.open("method").attr("name", m.name()).attr("needslogin", m.needsLogin())
                .attr("needssigning", m.needsSigning()).attr("requiredperms", m.permission().ordinal())
                .attr("httpverb", m.httpVerb()).attr("source", m.source().name().toLowerCase(Locale.ROOT));
        if (m.acceptsAnyArguments()) {
            x.attr("anyarguments", 1);
        }
        if (m.paging() != null) {
            x.attr("paginglist", m.paging().listElement()).attr("pagingitem", m.paging().itemElement());
        }
        if (m.retired()) {
            x.attr("retired", 1);
        }
        if (m.changesStateOnRead()) {
            x.attr("changesstate", 1);
        }
        if (m.maxResults() > 0) {
            x.attr("maxresults", m.maxResults());
        }
        x.body().element("description", m.description());
        if (m.exampleResponse() != null) {
            x.element("response", m.exampleResponse());
        }
        if (m.explanation() != null) {
            x.element("explanation", m.explanation());
        }
        x.close("method");
        x.open("arguments").body();
        x.open("argument").attr("name", "api_key").attr("optional", 0).body().text(API_KEY_DESCRIPTION)
                .close("argument");
        for (ArgumentSpec a : m.arguments()) {
            x.open("argument").attr("name", a.name()).attr("optional", !a.required()).body()
                    .text(a.description()).close("argument");
        }
        x.close("arguments");
        x.open("errors").body();
        for (ErrorSpec e : m.errors()) {
            error(x, e, false);
        }
        for (ErrorSpec e : table.commonErrors().values()) {
            if (m.errors().stream().noneMatch(own -> own.code() == e.code())) {
                error(x, e, true);
            }
        }
        return x.close("errors").toString();
    }

    private static void error(Xml x, ErrorSpec e, boolean common) {
        x.open("error").attr("code", e.code()).attr("message", e.message());
        if (common) {
            x.attr("common", 1);
        }
        if (e.source() != null) {
            x.attr("source", e.source());
        }
        if (e.temporary()) {
            x.attr("temporary", 1);
        }
        x.body().text(e.explanation()).close("error");
    }
}
