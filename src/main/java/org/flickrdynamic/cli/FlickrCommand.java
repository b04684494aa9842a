package org.flickrdynamic.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.Signing;
import org.flickrdynamic.auth.TokenStore;
import org.flickrdynamic.internal.Version;
import org.flickrdynamic.request.MethodResolver;
import org.flickrdynamic.response.PrettyXml;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.table.HelpText;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * {@code bin/flickr METHOD [name=value ...]}: calls a method and prints the {@code <rsp>} as indented
 * XML. Exit codes: 0 ok, 1 Flickr error, 2 bad arguments or usage, 3 transport failure.
 */
public final class FlickrCommand {
    /** Exit code: the call succeeded. */
    public static final int OK = 0;
    /** Exit code: Flickr answered with an error code. */
    public static final int FLICKR_ERROR = 1;
    /** Exit code: bad arguments or usage; nothing was sent. */
    public static final int USAGE = 2;
    /** Exit code: no usable answer (connection, timeout, HTTP error, not a Flickr response). */
    public static final int TRANSPORT = 3;

    private static final String USAGE_TEXT = """
            usage: flickr [--sandbox | --endpoint URL] METHOD [name=value ...]
                   flickr [--sandbox] auth login|status|logout|use ...
                   flickr --help [METHOD]
                   flickr --version

              METHOD         a Flickr API method, with or without its flickr. prefix
              name=value     an argument; repeat for each
              --sandbox      call a built-in fake Flickr on 127.0.0.1 (no key or network needed)
              --endpoint URL the REST endpoint (default https://api.flickr.com/services/rest/)
              --help METHOD  the method's documentation from the method table

            Keys come from FLICKR_API_KEY and FLICKR_API_SECRET; a stored login (flickr auth login) is used.
            """ + AuthCommand.USAGE + """
            Exit codes: 0 ok, 1 Flickr error, 2 bad arguments or usage, 3 transport failure.
            """;

    private final PrintStream out;
    private final PrintStream err;

    /** A command writing to these streams. */
    public FlickrCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new FlickrCommand(out, err).run(args));
    }

    /** Runs the command and returns its exit code. */
    public int run(String[] args) {
        boolean sandbox = false;
        String endpoint = null;
        String method = null;
        Map<String, String> params = new LinkedHashMap<>();
        List<String> words = new ArrayList<>(List.of(args));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (method == null && w.startsWith("--")) {
                switch (w) {
                    case "--sandbox" -> sandbox = true;
                    case "--endpoint" -> {
                        if (i + 1 >= words.size()) {
                            return usage("--endpoint needs a URL");
                        }
                        endpoint = words.get(++i);
                    }
                    case "--help", "-h" -> {
                        return help(i + 1 < words.size() ? words.get(i + 1) : null);
                    }
                    case "--version" -> {
                        out.println("flickr-dynamic " + Version.get());
                        return OK;
                    }
                    default -> {
                        return usage("unknown option " + w);
                    }
                }
            } else if (method == null && w.equals("auth")) {
                List<String> rest = words.subList(i + 1, words.size());
                if (sandbox && endpoint != null) {
                    return usage("--sandbox and --endpoint cannot be used together");
                }
                return sandbox ? authSandbox(rest) : auth(rest, endpoint);
            } else if (method == null) {
                method = w;
            } else {
                int eq = w.indexOf('=');
                if (eq <= 0) {
                    return usage("argument '" + w + "' is not name=value");
                }
                if (params.putIfAbsent(w.substring(0, eq), w.substring(eq + 1)) != null) {
                    return usage("argument " + w.substring(0, eq) + " is given twice");
                }
            }
        }
        if (method == null) {
            return usage("no method given");
        }
        if (sandbox && endpoint != null) {
            return usage("--sandbox and --endpoint cannot be used together");
        }
        return sandbox ? callSandbox(method, params) : call(method, params, endpoint);
    }

    /** The client for real Flickr (or --endpoint): keys from the environment, the stored login if any. */
    private static FlickrClient realClient(String endpoint) {
        String key = System.getenv("FLICKR_API_KEY");
        FlickrClient.Builder b = FlickrClient.builder().apiKey(key).secret(System.getenv("FLICKR_API_SECRET"));
        String ep = endpoint != null ? endpoint : System.getenv("FLICKR_ENDPOINT");
        if (ep != null && !ep.isBlank()) {
            b.baseUrl(base(ep.strip())).endpoint(ep.strip());
        }
        if (key != null && !key.isBlank()) {
            TokenStore.standard().current(key.strip()).ifPresent(t -> b.token(t)
                    .signing(t.isLegacy() ? Signing.LEGACY_MD5 : Signing.OAUTH1));
        }
        return b.build();
    }

    /** The base of a REST endpoint ending in services/rest/, so login goes to the same server. */
    private static String base(String rest) {
        int at = rest.indexOf("/services/rest");
        return at > 0 ? rest.substring(0, at + 1) : rest;
    }

    private int call(String method, Map<String, String> params, String endpoint) {
        try (FlickrClient client = realClient(endpoint)) {
            return print(client, method, params);
        } catch (FlickrArgumentException e) {
            err.println("flickr: " + e.getMessage());
            return USAGE;
        }
    }

    private int auth(List<String> words, String endpoint) {
        try (FlickrClient client = realClient(endpoint)) {
            return new AuthCommand(out, err, false).run(words, client);
        } catch (FlickrArgumentException e) {
            err.println("flickr: " + e.getMessage());
            return USAGE;
        }
    }

    private int authSandbox(List<String> words) {
        try (Sandbox sandbox = Sandbox.start();
             FlickrClient client = FlickrClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
                     .secret(sandbox.secret()).build()) {
            return new AuthCommand(out, err, true).run(words, client);
        }
    }

    private int callSandbox(String method, Map<String, String> params) {
        try (Sandbox sandbox = Sandbox.start();
             FlickrClient client = SandboxLogin.client(sandbox)) {
            return print(client, method, params);
        } catch (FlickrArgumentException e) {
            err.println("flickr: " + e.getMessage());
            return USAGE;
        }
    }

    private int print(FlickrClient client, String method, Map<String, String> params) {
        try {
            Element rsp = client.call(method, params);
            out.println(PrettyXml.write(rsp));
            return OK;
        } catch (FlickrArgumentException e) {
            err.println("flickr: " + e.getMessage());
            return USAGE;
        } catch (FlickrApiException e) {
            err.println("flickr: error " + e.code() + ": " + e.getMessage());
            return FLICKR_ERROR;
        } catch (FlickrTransportException e) {
            err.println("flickr: " + e.getMessage());
            return TRANSPORT;
        }
    }

    private int help(String method) {
        if (method == null) {
            out.print(USAGE_TEXT);
            return OK;
        }
        try {
            MethodTable table = MethodTable.bundled();
            MethodSpec spec = MethodResolver.resolve(table, method);
            out.print(HelpText.of(table, spec));
            return OK;
        } catch (FlickrArgumentException e) {
            err.println("flickr: " + e.getMessage());
            return USAGE;
        }
    }

    private int usage(String problem) {
        err.println("flickr: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }
}
