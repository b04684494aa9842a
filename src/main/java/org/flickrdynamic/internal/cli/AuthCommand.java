package org.flickrdynamic.internal.cli;

import java.io.PrintStream;
import java.util.List;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.Browser;
import org.flickrdynamic.auth.Login;
import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.table.Permission;

/**
 * {@code flickr auth login [--perms read|write|delete] [--legacy]}, {@code auth status},
 * {@code auth logout [USER]}, {@code auth use USER}: logins kept in the token store per API key.
 */
final class AuthCommand {
    static final String USAGE = """
              auth login [--perms read|write|delete] [--legacy]   log in (default: read) and store the token
              auth status                                        who is logged in, and whether Flickr still accepts the token
              auth logout [USER]                                 forget the current (or the named) user's token
              auth use USER                                      make another logged-in user current
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean sandbox;

    AuthCommand(PrintStream out, PrintStream err, boolean sandbox) {
        this.out = out;
        this.err = err;
        this.sandbox = sandbox;
    }

    /** Runs {@code auth WORDS...} with a client holding the key and secret (and the stored login, if any). */
    int run(List<String> words, FlickrClient client) {
        if (words.isEmpty()) {
            return usage("auth needs login, status, logout or use");
        }
        if (client.apiKey() == null) {
            err.println("flickr: no API key: set FLICKR_API_KEY and FLICKR_API_SECRET, or use --sandbox");
            return FlickrCommand.USAGE;
        }
        TokenStore store = TokenStore.standard();
        return Clients.guarded(err, () -> switch (words.get(0)) {
            case "login" -> login(words.subList(1, words.size()), client, store);
            case "status" -> status(client, store);
            case "logout" -> logout(words.subList(1, words.size()), client, store);
            case "use" -> use(words.subList(1, words.size()), client, store);
            default -> usage("unknown auth command " + words.get(0));
        });
    }

    private int login(List<String> args, FlickrClient client, TokenStore store) {
        Permission perm = Permission.READ;
        boolean legacy = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--perms" -> {
                    if (i + 1 >= args.size()) {
                        return usage("--perms needs read, write or delete");
                    }
                    try {
                        perm = Permission.fromWord(args.get(++i));
                    } catch (FlickrArgumentException e) {
                        return usage(e.problems().get(0));
                    }
                    if (perm == Permission.NONE) {
                        return usage("--perms needs read, write or delete");
                    }
                }
                case "--legacy" -> legacy = true;
                default -> {
                    return usage("unknown login option " + args.get(i));
                }
            }
        }
        store.checkWritable(client.apiKey()); // before the user approves anything, not after
        Browser browser = sandbox ? Browser.sandbox() : Browser.system(err);
        AccessToken token = legacy ? Login.legacy(client, perm, browser, Login.DEFAULT_TIMEOUT)
                : Login.oauth(client, perm, browser, Login.DEFAULT_TIMEOUT);
        store.save(client.apiKey(), token);
        out.println("Logged in as " + token.username() + " (" + token.userNsid() + ") with "
                + token.permission().word() + " permission" + (legacy ? ", legacy token" : "") + ".");
        out.println("The token is stored in " + store.file(client.apiKey()));
        return FlickrCommand.OK;
    }

    private int status(FlickrClient client, TokenStore store) {
        List<AccessToken> users = store.users(client.apiKey());
        AccessToken current = store.current(client.apiKey()).orElse(null);
        if (users.isEmpty()) {
            out.println("Not logged in (API key " + client.apiKey() + "). Log in with: flickr auth login --perms read");
            return FlickrCommand.OK;
        }
        for (AccessToken t : users) {
            out.println((t.equals(current) ? "* " : "  ") + t.username() + " (" + t.userNsid() + "), "
                    + t.permission().word() + (t.isLegacy() ? ", legacy" : ""));
        }
        if (current == null) {
            out.println("No user is current: choose one with flickr auth use USER");
            return FlickrCommand.OK;
        }
        try (FlickrClient user = Clients.withLogin(client.newBuilder(), current).build()) {
            // Today's flickr.auth.oauth.checkToken takes the token to check as an argument.
            Element rsp = current.isLegacy() ? user.call("flickr.auth.checkToken")
                    : user.call("flickr.auth.oauth.checkToken", "oauth_token", current.token());
            Element e = rsp.elements().get(0);
            out.println("Flickr accepts the token of " + current.username() + ": " + e.elementText("perms") + " permission.");
            return FlickrCommand.OK;
        }
    }

    private int logout(List<String> args, FlickrClient client, TokenStore store) {
        String who = args.isEmpty() ? null : args.get(0);
        if (store.logout(client.apiKey(), who)) {
            out.println("Logged out" + (who == null ? "" : " " + who) + ".");
        } else if (who == null) {
            out.println("Nobody is logged in.");
        } else {
            // A mistyped name must not look like success: the user meant to log out is still logged in.
            err.println("flickr: no user " + who + " is logged in (bin/flickr auth status lists them)");
            return FlickrCommand.USAGE;
        }
        return FlickrCommand.OK;
    }

    private int use(List<String> args, FlickrClient client, TokenStore store) {
        if (args.size() != 1) {
            return usage("auth use needs one user (nsid or username)");
        }
        try {
            AccessToken t = store.use(client.apiKey(), args.get(0));
            out.println("Now using " + t.username() + " (" + t.userNsid() + ").");
            return FlickrCommand.OK;
        } catch (FlickrArgumentException e) {
            err.println("flickr: " + e.problems().get(0));
            return FlickrCommand.USAGE;
        }
    }

    private int usage(String problem) {
        err.println("flickr: " + problem);
        err.print("usage: flickr [--sandbox] auth ...\n" + USAGE);
        return FlickrCommand.USAGE;
    }
}
