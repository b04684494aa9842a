package org.flickrdynamic.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.flickrdynamic.table.Permission;

/**
 * The person the sandbox plays at its login pages: who approves (the first user unless told otherwise),
 * and whether they decline. Shared by the OAuth authorize page and the legacy login page.
 */
final class BrowserUser {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSet data;
    private volatile SandboxUser approver;
    private volatile boolean refusing;

    BrowserUser(DataSet data) {
        this.data = data;
        this.approver = data.users.get(0);
    }

    void approveAs(String nsid) {
        SandboxUser user = data.user(nsid);
        if (user == null) {
            throw new IllegalArgumentException("no sandbox user " + nsid + "; see users()");
        }
        approver = user;
    }

    void refuse(boolean refuse) {
        refusing = refuse;
    }

    /** Who approves now, or {@code null} when the user declines. */
    SandboxUser approver() {
        return refusing ? null : approver;
    }

    /** The {@code perms} a login page was given: read when absent, {@code null} when not a word Flickr asks for. */
    static Permission perms(String word) {
        if (word == null || word.isEmpty()) {
            return Permission.READ;
        }
        Permission p = Permission.fromWord(word, null);
        return p == Permission.NONE ? null : p;
    }

    /** A random value of {@code bytes} bytes in hex, for request tokens, secrets, verifiers and frobs. */
    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A small HTML page; {@code html} is already escaped. */
    static String page(String title, String html) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body><h1>" + escape(title) + "</h1>\n" + html + "\n</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        org.flickrdynamic.internal.XmlText.escape(text, true, sb);
        return sb.toString();
    }
}
