package org.flickrdynamic.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.flickrdynamic.internal.StandaloneSandbox;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrClientBuilder;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.Signing;
import org.flickrdynamic.auth.AccessToken;
import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.internal.EnvironmentRateLimit;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.table.MethodTable;

/**
 * The client a command calls with: the built-in sandbox ({@code --sandbox}, started for the one
 * command), or Flickr or {@code --endpoint} with the keys of the environment and the stored login;
 * with {@code --anonymous}, no login at all, so calls show what everyone sees.
 */
final class Clients {
    private final boolean sandbox;
    private final String endpoint;
    private final boolean anonymous;

    Clients(boolean sandbox, String endpoint, boolean anonymous) {
        this.sandbox = sandbox;
        this.endpoint = endpoint;
        this.anonymous = anonymous;
    }

    /**
     * Runs {@code work} with a client, and the exit code it returns; a call that is wrong before being
     * sent (no key, a bad endpoint) is a usage error.
     */
    int with(PrintStream err, Function<FlickrClient, Integer> work) {
        if (sandbox) {
            Sandbox started;
            try {
                started = persistentSandbox();
            } catch (IllegalStateException | UncheckedIOException e) {
                err.println("flickr: " + e.getMessage());
                return FlickrCommand.TRANSPORT;
            }
            try (Sandbox s = started) {
                // The stored sandbox login is read inside the guard: a bad token file is a one-line error.
                return guarded(err, () -> {
                    try (FlickrClient client = SandboxLogin.client(s, anonymous)) {
                        return work.apply(client);
                    }
                });
            }
        }
        return guarded(err, () -> {
            try (FlickrClient client = realClient(endpoint, anonymous)) {
                return work.apply(client);
            }
        });
    }

    /**
     * The sandbox of {@code --sandbox}: its data kept in {@link #sandboxFolder()}, so that what one command
     * uploads or edits the next one sees.
     */
    private static Sandbox persistentSandbox() {
        return Sandbox.builder().folder(sandboxFolder()).start();
    }

    /** Where {@code --sandbox} keeps its data: {@code sandbox} in the library's home, beside the stored logins. */
    static Path sandboxFolder() {
        return TokenStore.standard().folder().resolve("sandbox");
    }

    /** {@code flickr sandbox reset} forgets the kept data; {@code flickr sandbox [--port N]} runs one until stopped. */
    int sandboxCommand(List<String> words, PrintStream out, PrintStream err) {
        if (words.size() == 1 && words.get(0).equals("reset")) {
            Path folder = sandboxFolder();
            try {
                if (Files.exists(folder)) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(f);
                        }
                    }
                }
            } catch (IOException e) {
                err.println("flickr: cannot reset the sandbox in " + folder + ": " + e.getMessage());
                return FlickrCommand.TRANSPORT;
            }
            out.println("the sandbox starts from its generated data again (" + folder + " removed)");
            return FlickrCommand.OK;
        }
        if (words.contains("reset")) {
            return FlickrCommand.usage(err, "sandbox reset takes nothing else");
        }
        try {
            return StandaloneSandbox.run(words.toArray(String[]::new), out, err, FlickrCommand.SANDBOX_SYNOPSIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FlickrCommand.OK;
        }
    }

    int auth(List<String> words, PrintStream out, PrintStream err) {
        if (sandbox) {
            try (Sandbox s = persistentSandbox();
                 FlickrClient client = FlickrClient.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey())
                         .secret(s.secret()).build()) {
                return new AuthCommand(out, err, true).run(words, client);
            }
        }
        return guarded(err, () -> {
            try (FlickrClient client = realClient(endpoint, anonymous)) {
                return new AuthCommand(out, err, false).run(words, client);
            }
        });
    }

    int refresh(String output, PrintStream out, PrintStream err) {
        MethodCall writer = new MethodCall(out, err, null);
        return with(err, client -> {
            if (client.apiKey() == null) {
                err.println("flickr: no API key: set FLICKR_API_KEY and FLICKR_API_SECRET, or use --sandbox");
                return FlickrCommand.USAGE;
            }
            MethodsRefresh.Result result = new MethodsRefresh(client, MethodTable.bundled()).run();
            int code = writer.write(output, o -> o.print(result.yaml()));
            if (code == FlickrCommand.OK) {
                result.warnings().forEach(w -> err.println("flickr: warning: " + w));
                err.println("flickr: refreshed " + result.summary() + (output == null ? "" : "; written to " + output));
            }
            return code;
        });
    }

    /** Maps the library's errors to the exit codes, with the message on one line of standard error. */
    static int guarded(PrintStream err, java.util.function.IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (FlickrArgumentException e) {
            err.println("flickr: " + hinted(e).getMessage());
            return FlickrCommand.USAGE;
        } catch (FlickrApiException e) {
            err.println("flickr: error " + e.code() + ": " + e.getMessage());
            return FlickrCommand.FLICKR_ERROR;
        } catch (FlickrTransportException e) {
            err.println("flickr: " + e.getMessage());
            return FlickrCommand.TRANSPORT;
        }
    }

    /** An argument error with how the command line sets the settings it names, when it names any. */
    private static FlickrArgumentException hinted(FlickrArgumentException e) {
        List<String> how = new java.util.ArrayList<>();
        if (e.settings().contains(FlickrArgumentException.API_KEY) || e.settings().contains(FlickrArgumentException.SECRET)) {
            how.add("set FLICKR_API_KEY and FLICKR_API_SECRET, or use --sandbox");
        }
        if (e.settings().contains(FlickrArgumentException.TOKEN)) {
            how.add("log in with bin/flickr auth login --perms read|write|delete");
        }
        return how.isEmpty() ? e : e.withHint("On the command line: " + String.join("; ", how));
    }

    /**
     * The client for real Flickr (or --endpoint): keys and rate limit from the environment, the stored login
     * unless anonymous.
     */
    private static FlickrClient realClient(String endpoint, boolean anonymous) {
        String key = System.getenv("FLICKR_API_KEY");
        FlickrClientBuilder b = FlickrClient.builder().apiKey(key).secret(System.getenv("FLICKR_API_SECRET"));
        String ep = endpoint != null ? endpoint : System.getenv("FLICKR_ENDPOINT");
        if (ep != null && !ep.isBlank()) {
            b.baseUrl(base(ep.strip())).endpoint(ep.strip());
        }
        if (key != null && !key.isBlank() && !anonymous) {
            TokenStore.standard().current(key.strip()).ifPresent(t -> withLogin(b, t));
        }
        return EnvironmentRateLimit.apply(b).build();
    }

    /** A stored login on a client being built: its token, signed by the scheme it was issued for. */
    static FlickrClientBuilder withLogin(FlickrClientBuilder b, AccessToken login) {
        return b.token(login).signing(login.isLegacy() ? Signing.LEGACY_MD5 : Signing.OAUTH1);
    }

    /** The base of a REST endpoint ending in services/rest/, so login goes to the same server. */
    private static String base(String rest) {
        int at = rest.indexOf("/services/rest");
        return at > 0 ? rest.substring(0, at + 1) : rest;
    }
}
