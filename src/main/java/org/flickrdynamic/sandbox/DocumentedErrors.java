package org.flickrdynamic.sandbox;

import java.util.Locale;
import java.util.regex.Pattern;

import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;

/**
 * Picks the error a method documents for a situation, so the sandbox answers with the method table's
 * own codes and wording ({@code 1 Photo not found}, {@code 2 Unknown user}) wherever the table has them.
 * Only a method's own codes below 95 are considered; the common ones are the checks' business.
 */
final class DocumentedErrors {
    private static final Pattern MISSING = Pattern.compile("\\b(required|missing)\\b.*\\b(argument|parameter)s?\\b");
    private static final Pattern ABSENT = Pattern.compile("not found|invalid|not a valid|unknown|missing|\\bno\\b|blank");

    private DocumentedErrors() {
    }

    /** The method's error about missing arguments as such ({@code Required arguments missing}), or {@code null}. */
    static ErrorSpec missingArguments(MethodSpec method) {
        for (ErrorSpec e : method.errors()) {
            if (e.code() < 95 && MISSING.matcher(e.message().toLowerCase(Locale.ROOT)).find()) {
                return e;
            }
        }
        return null;
    }

    /**
     * The method's error saying that what an argument names is absent or wrong, or {@code null}: its
     * message holds the argument's subject as whole words (the name without a trailing {@code _id},
     * {@code _ids}, {@code _text} or {@code _name}; a plural matches too) and one of "not found",
     * "invalid", "not a valid", "unknown", "missing", "no", "blank". For {@code photo_id} that is
     * {@code Photo not found}, never {@code Photoset not found}.
     */
    static ErrorSpec about(MethodSpec method, String argument) {
        Pattern subject = subject(argument);
        for (ErrorSpec e : method.errors()) {
            String message = e.message().toLowerCase(Locale.ROOT);
            if (e.code() < 95 && subject.matcher(message).find() && ABSENT.matcher(message).find()) {
                return e;
            }
        }
        return null;
    }

    /**
     * The failure for a value that names nothing (an unknown photo, user or set): the method's documented
     * error {@link #about} the argument, else Flickr's usual code and message given here.
     */
    static Fail notFound(MethodSpec method, String argument, int code, String message) {
        ErrorSpec e = about(method, argument);
        return e != null ? new Fail(e.code(), e.message()) : new Fail(code, message);
    }

    private static Pattern subject(String argument) {
        String s = argument.toLowerCase(Locale.ROOT).replaceFirst("_(id|ids|text|name)$", "");
        StringBuilder regex = new StringBuilder("\\b");
        String[] words = s.split("_");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "[ _-]").append(Pattern.quote(words[i]));
        }
        return Pattern.compile(regex.append("s?\\b").toString());
    }
}
