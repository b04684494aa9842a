package org.flickrdynamic.internal.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.internal.StandaloneSandbox;
import org.flickrdynamic.internal.Version;
import org.flickrdynamic.internal.request.MethodResolver;
import org.flickrdynamic.internal.table.HelpText;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * {@code bin/flickr METHOD [name=value ...]}: calls a method and prints the {@code <rsp>} as indented
 * XML. Exit codes: 0 ok, 1 Flickr error, 2 bad arguments or usage, 3 transport failure. The options,
 * the {@code auth}, {@code completion} and {@code methods refresh} subcommands and the exit codes are
 * in {@link #USAGE_TEXT}.
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

    static final String SYNOPSIS = "usage: flickr [--sandbox | --endpoint URL] [options] METHOD [name=value ...]";

    /** {@code flickr sandbox}: a standalone sandbox for clients in any language. */
    static final String SANDBOX_SYNOPSIS = "usage: flickr sandbox " + StandaloneSandbox.OPTIONS;

    static final String USAGE_TEXT = SYNOPSIS + "\n" + """
                   flickr sandbox [--port N] [--seed N] [--photos N]
                   flickr [--sandbox | --endpoint URL] auth login|status|logout|use ...
                   flickr [--sandbox | --endpoint URL] methods refresh [--output FILE]
                   flickr [--sandbox] upload FILE... [name=value ...] [--wait]
                   flickr [--sandbox] replace FILE PHOTO_ID [async=1 --wait]
                   flickr [--sandbox] download PHOTO_ID... [--size SUFFIX] [--to DIR]
                   flickr [--sandbox] download --all-pages METHOD [name=value ...] [--size SUFFIX] [--to DIR]
                   flickr [--sandbox] backup DIR [--originals] [--verify] [--rate-limit N/DURATION|off]
                   flickr sandbox reset | flickr sandbox [--port N]
                   flickr completion bash|zsh
                   flickr --list [PREFIX]
                   flickr --help [METHOD]
                   flickr --version

              METHOD           a Flickr API method, with or without its flickr. prefix
              name=value       an argument; repeat for each
              --sandbox        call a built-in fake Flickr on 127.0.0.1 (no key or network needed)
              --endpoint URL   the REST endpoint (default https://api.flickr.com/services/rest/)
              --anonymous      call without the stored login, seeing what everyone sees (a login
                               otherwise signs every call and acts as its user)
              --xpath EXPR     print only what EXPR selects, one match per line: attribute values and
                               text as text, elements as XML
              --all-pages      follow the pages of a paged method, printing each page's items
                               (searches over 4,000 results are split by date, none lost or repeated)
              --output FILE    write the result to FILE (whole, or not at all) instead of standard output
              --list [PREFIX]  the method names, or those starting with PREFIX
              --help METHOD    the method's documentation from the method table
              completion bash|zsh     a shell completion script for methods and their arguments
              upload FILE...          uploads each file (title, tags, is_public ... as name=value) and
                                      prints each new photo id; --wait waits for async=1 uploads
              replace FILE PHOTO_ID   gives a photo a new file
              download PHOTO_ID...    writes each photo's file into DIR (default: here) and prints its
                                      path; --size o (original, the default), k, b, z ... or a video
                                      label ("Site MP4"); a complete file already there is kept
              backup DIR              backs up the logged-in account into DIR: every photo's info, the
                                      sets, the collections (--originals: the files too); later runs
                                      fetch what changed; --verify compares DIR with the account;
                                      3,600 calls an hour unless --rate-limit says otherwise
              sandbox reset           forgets what --sandbox commands uploaded and edited
              methods refresh         rebuild methods.yaml from the endpoint's flickr.reflection methods
              sandbox          run a fake Flickr on 127.0.0.1 until stopped, for any client: prints its
                               base URL, REST URL, key and secret (--photos N: N synthetic photos)

            Keys come from FLICKR_API_KEY and FLICKR_API_SECRET; a stored login (flickr auth login) is used.
            With --sandbox, uploads and edits persist from one command to the next (until sandbox reset).
            """ + AuthCommand.USAGE + """
            Exit codes: 0 ok, 1 Flickr error, 2 bad arguments or usage, 3 transport failure.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    /** A command writing to these streams; it never draws a progress bar. */
    public FlickrCommand(PrintStream out, PrintStream err) {
        this(out, err, false);
    }

    /**
     * @param interactive whether standard error is a terminal, where {@code --all-pages} draws its
     *     progress bar
     */
    FlickrCommand(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = StandardOutput.open(); // tells a closed pipe from a full disk
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length > 0 && args[0].equals("sandbox") && !(args.length > 1 && args[1].equals("reset"))) {
            // Serves until the process is stopped, so it never goes through run(), which returns.
            System.exit(StandaloneSandbox.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err,
                    SANDBOX_SYNOPSIS));
        }
        // System.console() would ask about standard input and output; the bar needs standard error.
        System.exit(new FlickrCommand(out, err, Progress.stderrIsTerminal(System.getenv())).run(args));
    }

    /** Runs the command and returns its exit code. */
    public int run(String[] args) {
        if (isPlainCall(args)) {
            return call(new Clients(false, null, false), List.of(args), null, false, null);
        }
        ParseResult parsed;
        try {
            parsed = new CommandModel().parse(args);
        } catch (CommandLine.ParameterException e) {
            return usage(problem(e));
        }
        boolean sandbox = parsed.hasMatchedOption(CommandModel.SANDBOX);
        String endpoint = CommandModel.value(parsed, CommandModel.ENDPOINT);
        if (sandbox && endpoint != null) {
            return usage("--sandbox and --endpoint cannot be used together");
        }
        if (endpoint != null && endpoint.isBlank()) {
            return usage("--endpoint needs a URL, not an empty one");
        }
        Clients clients = new Clients(sandbox, endpoint, parsed.hasMatchedOption(CommandModel.ANONYMOUS));
        if (parsed.hasSubcommand()) {
            return subcommand(parsed, clients);
        }
        if (parsed.hasMatchedOption(CommandModel.VERSION)) {
            out.println("flickr-dynamic " + Version.get());
            return OK;
        }
        List<String> words = CommandModel.words(parsed);
        String help = CommandModel.value(parsed, CommandModel.HELP);
        if (help != null) {
            return help(!help.isEmpty() ? help : words.isEmpty() ? null : words.get(0));
        }
        String list = CommandModel.value(parsed, CommandModel.LIST);
        if (list != null) {
            return list(list);
        }
        if (words.isEmpty()) {
            return usage("no method given");
        }
        return call(clients, words, CommandModel.value(parsed, CommandModel.XPATH),
                parsed.hasMatchedOption(CommandModel.ALL_PAGES), CommandModel.value(parsed, CommandModel.OUTPUT));
    }

    /**
     * Whether the command line is {@code METHOD name=value ...} and nothing else: no option, no subcommand,
     * no {@code @file}. picocli reads such a line as the same words, so the most common command skips
     * building its model, a good part of a one-off command's start-up.
     */
    static boolean isPlainCall(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || args[0].startsWith("@") || args[0].contains("=")
                || List.of("auth", "completion", "methods").contains(args[0])) {
            return false;
        }
        for (int k = 1; k < args.length; k++) {
            if (args[k].indexOf('=') <= 0 || args[k].startsWith("-") || args[k].startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /** A method call: {@code words} are the method and its {@code name=value} arguments. */
    private int call(Clients clients, List<String> words, String xpath, boolean allPages, String output) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String w : words.subList(1, words.size())) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                return usage("argument '" + w + "' is not name=value");
            }
            if (params.putIfAbsent(w.substring(0, eq), w.substring(eq + 1)) != null) {
                return usage("argument " + w.substring(0, eq) + " is given twice");
            }
        }
        MethodCall call = new MethodCall(out, err, interactive ? new Progress(err) : null);
        return call.run(clients, words.get(0), params, xpath, allPages, output);
    }

    private int subcommand(ParseResult parsed, Clients clients) {
        for (String callOnly : new String[] {CommandModel.XPATH, CommandModel.ALL_PAGES, CommandModel.HELP,
            CommandModel.LIST, CommandModel.VERSION}) {
            if (parsed.hasMatchedOption(callOnly)) {
                return usage(callOnly + " cannot be used with " + parsed.subcommand().commandSpec().name());
            }
        }
        ParseResult sub = parsed.subcommand();
        List<String> words = CommandModel.words(sub);
        String output = CommandModel.value(parsed, CommandModel.OUTPUT);
        String name = sub.commandSpec().name();
        if (output != null && List.of("upload", "replace", "download", "backup", "sandbox").contains(name)) {
            return usage("--output cannot be used with " + name + (name.equals("download") ? "; use --to DIR" : ""));
        }
        FileCommands files = new FileCommands(out, err, interactive);
        switch (name) {
            case "upload" -> {
                return files.upload(clients, words, sub.hasMatchedOption(CommandModel.WAIT));
            }
            case "replace" -> {
                return files.replace(clients, words, sub.hasMatchedOption(CommandModel.WAIT));
            }
            case "download" -> {
                return files.download(clients, words, CommandModel.value(sub, CommandModel.SIZE),
                        CommandModel.value(sub, CommandModel.TO), sub.hasMatchedOption(CommandModel.ALL_PAGES));
            }
            case "sandbox" -> {
                return clients.sandboxCommand(words, out, err);
            }
            case "backup" -> {
                return new BackupCommand(out, err, interactive).run(clients, words,
                        sub.hasMatchedOption(CommandModel.ORIGINALS), sub.hasMatchedOption(CommandModel.VERIFY),
                        CommandModel.value(sub, CommandModel.RATE_LIMIT));
            }
            case "auth" -> {
                if (output != null) {
                    return usage("--output cannot be used with auth");
                }
                return clients.auth(words, out, err);
            }
            case "completion" -> {
                String own = CommandModel.value(sub, CommandModel.OUTPUT);
                if (output != null && own != null) {
                    return usage("--output is given twice");
                }
                output = own != null ? own : output;
                if (words.size() != 1 || !List.of("bash", "zsh").contains(words.get(0))) {
                    return usage("completion needs bash or zsh" + (words.isEmpty() ? "" : ", not " + String.join(" ", words)));
                }
                String script = words.get(0).equals("bash") ? Completion.bash(MethodTable.bundled())
                        : Completion.zsh(MethodTable.bundled());
                return new MethodCall(out, err, null).write(output, o -> o.print(script));
            }
            default -> {
                if (!sub.hasSubcommand()) {
                    return usage(words.isEmpty() ? "methods needs refresh" : "unknown methods command " + words.get(0));
                }
                String refreshOutput = CommandModel.value(sub.subcommand(), CommandModel.OUTPUT);
                if (output != null && refreshOutput != null) {
                    return usage("--output is given twice");
                }
                if (!CommandModel.words(sub.subcommand()).isEmpty()) {
                    return usage("methods refresh takes no words, only --output FILE");
                }
                return clients.refresh(refreshOutput != null ? refreshOutput : output, out, err);
            }
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

    /** {@code --list [PREFIX]}: method names, one a line; a prefix may leave out {@code flickr.}. */
    private int list(String prefix) {
        int n = 0;
        for (String name : MethodTable.bundled().names()) {
            if (name.startsWith(prefix) || name.startsWith(MethodSpec.PREFIX + prefix)) {
                out.println(name);
                n++;
            }
        }
        if (n == 0) {
            err.println("flickr: no method starts with '" + prefix + "' (flickr --list shows them all)");
            return USAGE;
        }
        return OK;
    }

    /** The reason a command line was refused, in the words of the old parser where there was one. */
    private static String problem(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            return first.startsWith("-") ? "unknown option " + first : "unexpected word " + first;
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            if (missing instanceof OptionSpec o) {
                return o.longestName() + " needs " + describe(o.paramLabel());
            }
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            ArgSpec overwritten = o.getOverwritten();
            if (overwritten instanceof OptionSpec spec) {
                return spec.longestName() + " is given twice";
            }
        }
        String message = e.getMessage() == null ? "bad command line" : e.getMessage();
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static String describe(String label) {
        return switch (label) {
            case "URL" -> "a URL";
            case "DIR" -> "a folder";
            case "SUFFIX" -> "a size (o, k, b, z ...)";
            case "N/DURATION" -> "a limit (3600/1h) or off";
            case "EXPR" -> "an XPath expression";
            case "FILE" -> "a file name";
            default -> "a value (" + label + ")";
        };
    }

    int usage(String problem) {
        return usage(err, problem);
    }

    /** A usage error: the reason on one line, then the synopsis and where to find more. */
    static int usage(PrintStream err, String problem) {
        err.println("flickr: " + problem);
        err.println(SYNOPSIS);
        err.println("       (flickr --help for every option)");
        return USAGE;
    }
}
