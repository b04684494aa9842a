package org.flickrdynamic.sandbox;

import java.util.Map;

/** The sandbox's behaviour for one method: the payload of {@code <rsp stat="ok">}, or a {@link Fail}. */
@FunctionalInterface
interface Route {
    /** Answers an admitted request. */
    String answer(Gatekeeper.Admitted request, Map<String, String> params);
}
