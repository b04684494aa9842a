package org.flickrdynamic.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;

/**
 * The last of the sandbox's checks: every argument the method table marks as required is present.
 * When one is missing, Flickr answers with one of the method's own documented errors, and so does the
 * sandbox. For the first missing argument (in the table's order) it takes:
 * <ol>
 * <li>the method's error about missing arguments as such, e.g. {@code 1 Required arguments missing};</li>
 * <li>else its error saying that what the argument names is absent or wrong, e.g. {@code 1 Photo not found}
 *     for {@code photos.getAllContexts} without {@code photo_id} (the matching rule is
 *     {@link DocumentedErrors#about});</li>
 * <li>else a generic failure naming every missing argument, {@code Required arguments missing: photo_id,
 *     tags}, with code 1, or, when the method documents a code 1 of its own that does not fit, with the
 *     lowest code it does not document, so a client never reads a wrong documented meaning into it.</li>
 * </ol>
 */
final class RequiredArguments {
    private RequiredArguments() {
    }

    static void check(MethodSpec method, Map<String, String> params) {
        List<String> missing = new ArrayList<>();
        for (ArgumentSpec a : method.arguments()) {
            if (a.required() && !params.containsKey(a.name())) {
                missing.add(a.name());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        ErrorSpec fits = DocumentedErrors.missingArguments(method);
        if (fits == null) {
            fits = DocumentedErrors.about(method, missing.get(0));
        }
        if (fits != null) {
            throw new Fail(fits.code(), fits.message());
        }
        throw new Fail(genericCode(method), "Required argument" + (missing.size() == 1 ? "" : "s") + " missing: "
                + String.join(", ", missing));
    }

    private static int genericCode(MethodSpec method) {
        Set<Integer> documented = new HashSet<>();
        method.errors().forEach(e -> documented.add(e.code()));
        int code = 1;
        while (documented.contains(code)) {
            code++;
        }
        return code;
    }
}
