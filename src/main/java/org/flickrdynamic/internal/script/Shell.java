package org.flickrdynamic.internal.script;

import java.io.UncheckedIOException;
import java.util.List;

import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.internal.Version;
import org.flickrdynamic.sandbox.Sandbox;

/**
 * What {@code bin/flickr-shell} runs at start: an optional sandbox for the static {@link Flickr} facade,
 * and a one-line greeting saying what the session will talk to. Usable from any JShell or script:
 *
 * <pre>{@code
 * jshell> org.flickrdynamic.internal.script.Shell.useSandbox()
 * jshell> call("photos.search", "tags", "cat")
 * }</pre>
 */
public final class Shell {
    private static Sandbox sandbox;

    private Shell() {
    }

    /**
     * Starts a fresh sandbox in this JVM (once; later calls return the same one) and points the static
     * facade at it: its endpoints, its API key and its secret. Its HTTP server keeps the JVM running
     * until it is closed: JShell's {@code /exit} ends it, while a script run by another tool ends with
     * {@code Shell.sandbox().close()} (or {@code System.exit}).
     *
     * @return the sandbox, e.g. to look at {@link Sandbox#requests()}
     */
    public static synchronized Sandbox useSandbox() {
        if (sandbox == null) {
            Sandbox started = Sandbox.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "flickr-shell-sandbox"));
            sandbox = started;
        }
        Flickr.baseUrl(sandbox.baseUrl());
        Flickr.currentApiKey(sandbox.apiKey());
        Flickr.currentSecKey(sandbox.secret());
        return sandbox;
    }

    /** The sandbox {@link #useSandbox()} started, or {@code null}. */
    public static synchronized Sandbox sandbox() {
        return sandbox;
    }

    /**
     * One line on what calls will use: the sandbox or the endpoint, whether an API key and a secret
     * are set, and which stored login (if any) signs calls. Never shows a secret or a token.
     */
    public static String greeting() {
        StringBuilder sb = new StringBuilder("flickr-dynamic ").append(Version.get()).append(": ");
        Sandbox s = sandbox();
        String key = Flickr.currentApiKey();
        if (s != null && s.restUrl().equals(Flickr.endpoint())) {
            sb.append("sandbox at ").append(s.restUrl()).append(" with its own key and secret");
        } else {
            sb.append(key == null ? "no API key (set FLICKR_API_KEY, or currentApiKey(\"...\"))" : "API key set")
                    .append(Flickr.currentSecKey() == null ? ", no secret" : ", secret set")
                    .append(", endpoint ").append(Flickr.endpoint());
        }
        sb.append("; ").append(login(key));
        try {
            Flickr.client();
        } catch (FlickrArgumentException e) {
            sb.append(". ").append(e.getMessage()); // the environment could not be used: say so at once
        }
        sb.append(". Try help(\"photos.search\"), methods(\"photos.\"), call(\"test.echo\", \"foo\", \"bar\")");
        return sb.toString();
    }

    private static String login(String key) {
        String token = Flickr.currentToken();
        if (token == null) {
            return "no stored login";
        }
        try {
            List<AccessToken> users = key == null ? List.of() : Flickr.users();
            for (AccessToken t : users) {
                if (token.equals(t.token())) {
                    return "logged in as " + t.username() + " (" + t.permission().word() + ")";
                }
            }
        } catch (FlickrArgumentException | UncheckedIOException | IllegalStateException e) {
            // an unreadable store only loses the name in the greeting
        }
        return "a token is set";
    }
}
