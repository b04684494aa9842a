package org.flickrdynamic.sandbox;

import java.util.Map;

import org.flickrdynamic.table.MethodSpec;

/**
 * {@code /services/rest/}: the {@link Gatekeeper}'s checks, then the method's {@link Route} or, for a
 * method the sandbox does not model, the method table's example answer, wrapped in Flickr's
 * {@code <rsp>}. OAuth refusals leave as {@link OAuthProblem}s for the caller to answer with HTTP 401.
 */
final class RestEndpoint {
    private static final String XML = "text/xml; charset=utf-8";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n";

    private final Gatekeeper gate;
    private final Map<String, Route> routes;

    /** @param routes filled by the caller as the modelled methods are registered; read from then on */
    RestEndpoint(Gatekeeper gate, Map<String, Route> routes) {
        this.gate = gate;
        this.routes = routes;
    }

    Reply answer(String verb, String url, Map<String, String> params) {
        String payload;
        try {
            Gatekeeper.Admitted admitted = gate.admit(verb, url, params);
            MethodSpec m = admitted.method();
            Route route = routes.get(m.name());
            payload = route != null ? route.answer(admitted, params)
                    : m.exampleResponse() == null ? "" : m.exampleResponse();
        } catch (Fail f) {
            Xml x = new Xml(128).open("rsp").attr("stat", "fail").body();
            x.open("err").attr("code", f.code).attr("msg", f.getMessage()).end().close("rsp");
            return new Reply(200, XML, PROLOG + x, null);
        }
        return new Reply(200, XML, PROLOG + "<rsp stat=\"ok\">\n" + payload + "\n</rsp>\n", null);
    }
}
