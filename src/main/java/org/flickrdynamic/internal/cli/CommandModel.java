package org.flickrdynamic.internal.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * bin/flickr's options and subcommands, built with picocli's programmatic model: no annotations are
 * scanned and no usage help is rendered, which keeps a one-off command's start-up short. The help text
 * is {@link FlickrCommand#USAGE_TEXT}. A fresh model parses each command line.
 */
final class CommandModel {
    static final String SANDBOX = "--sandbox";
    static final String ENDPOINT = "--endpoint";
    static final String HELP = "--help";
    static final String VERSION = "--version";
    static final String LIST = "--list";
    static final String XPATH = "--xpath";
    static final String ALL_PAGES = "--all-pages";
    static final String OUTPUT = "--output";
    static final String ANONYMOUS = "--anonymous";
    static final String WAIT = "--wait";
    static final String SIZE = "--size";
    static final String TO = "--to";
    static final String ORIGINALS = "--originals";
    static final String VERIFY = "--verify";
    static final String RATE_LIMIT = "--rate-limit";

    private final CommandLine commandLine;

    CommandModel() {
        CommandSpec root = CommandSpec.create().name("flickr");
        noSurprises(root);
        root.addOption(flag(SANDBOX));
        root.addOption(valued(ENDPOINT, "URL"));
        root.addOption(flag(ANONYMOUS));
        // --help and --list take an optional word: --help alone is the usage, --help METHOD the method's page.
        root.addOption(OptionSpec.builder(HELP, "-h").arity("0..1").type(String.class).paramLabel("METHOD")
                .fallbackValue("").build());
        root.addOption(flag(VERSION));
        root.addOption(OptionSpec.builder(LIST).arity("0..1").type(String.class).paramLabel("PREFIX")
                .fallbackValue("").build());
        root.addOption(valued(XPATH, "EXPR"));
        root.addOption(flag(ALL_PAGES));
        root.addOption(output());
        root.addPositional(words("METHOD name=value"));

        CommandSpec auth = CommandSpec.create().name("auth");
        noSurprises(auth);
        auth.parser().unmatchedOptionsArePositionalParams(true); // --perms and --legacy are AuthCommand's to read
        auth.addPositional(words("login|status|logout|use"));
        root.addSubcommand("auth", auth);

        CommandSpec completion = CommandSpec.create().name("completion");
        noSurprises(completion);
        completion.addPositional(words("bash|zsh"));
        completion.addOption(output());
        root.addSubcommand("completion", completion);

        CommandSpec methods = CommandSpec.create().name("methods");
        noSurprises(methods);
        methods.addPositional(words("refresh"));
        CommandSpec refresh = CommandSpec.create().name("refresh");
        noSurprises(refresh);
        refresh.addOption(output());
        methods.addSubcommand("refresh", refresh);
        root.addSubcommand("methods", methods);

        for (String name : new String[] {"upload", "replace"}) {
            CommandSpec files = CommandSpec.create().name(name);
            noSurprises(files);
            files.addOption(flag(WAIT));
            files.addPositional(words(name.equals("upload") ? "FILE... name=value" : "FILE PHOTO_ID"));
            root.addSubcommand(name, files);
        }
        CommandSpec download = CommandSpec.create().name("download");
        noSurprises(download);
        download.addOption(valued(SIZE, "SUFFIX"));
        download.addOption(valued(TO, "DIR"));
        download.addOption(flag(ALL_PAGES));
        download.addPositional(words("PHOTO_ID..."));
        root.addSubcommand("download", download);

        CommandSpec backup = CommandSpec.create().name("backup");
        noSurprises(backup);
        backup.addOption(flag(ORIGINALS));
        backup.addOption(flag(VERIFY));
        backup.addOption(valued(RATE_LIMIT, "N/DURATION"));
        backup.addPositional(words("DIR"));
        root.addSubcommand("backup", backup);

        CommandSpec sandbox = CommandSpec.create().name("sandbox");
        noSurprises(sandbox);
        sandbox.parser().unmatchedOptionsArePositionalParams(true); // --port and --seed are the sandbox's to read
        sandbox.addPositional(words("reset|--port N"));
        root.addSubcommand("sandbox", sandbox);

        commandLine = new CommandLine(root);
    }

    /** Arguments are taken as typed: no {@code @file} expansion, an option given twice is an error. */
    private static void noSurprises(CommandSpec spec) {
        spec.parser().expandAtFiles(false).overwrittenOptionsAllowed(false).posixClusteredShortOptionsAllowed(false);
    }

    private static OptionSpec flag(String name) {
        return OptionSpec.builder(name).arity("0").type(boolean.class).build();
    }

    private static OptionSpec valued(String name, String label) {
        return OptionSpec.builder(name).arity("1").type(String.class).paramLabel(label).build();
    }

    /** {@code --output FILE} (or {@code -o}), which the root, completion and methods refresh each take. */
    private static OptionSpec output() {
        return OptionSpec.builder(OUTPUT, "-o").arity("1").type(String.class).paramLabel("FILE").build();
    }

    private static PositionalParamSpec words(String label) {
        return PositionalParamSpec.builder().index("0..*").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).paramLabel(label).build();
    }

    /**
     * Parses a command line.
     *
     * @throws CommandLine.ParameterException for an unknown option, a missing value or an option given twice
     */
    ParseResult parse(String[] args) {
        return commandLine.parseArgs(args);
    }

    /** The words (positional arguments) a command matched, in order. */
    static List<String> words(ParseResult result) {
        List<PositionalParamSpec> positionals = result.commandSpec().positionalParameters();
        if (positionals.isEmpty() || !result.hasMatchedPositional(positionals.get(0))) {
            return List.of();
        }
        return positionals.get(0).stringValues();
    }

    /** An option's value, or {@code null} when it was not given. */
    static String value(ParseResult result, String option) {
        if (!result.hasMatchedOption(option)) {
            return null;
        }
        List<String> values = result.matchedOption(option).stringValues();
        return values.isEmpty() ? "" : values.get(0); // an optional value left out
    }
}
