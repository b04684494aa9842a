package org.flickrdynamic.internal;

import java.io.PrintStream;
import java.io.UncheckedIOException;

import org.flickrdynamic.sandbox.Sandbox;

/**
 * A sandbox run from the command line until the process is stopped, for clients in any language:
 * {@code bin/flickr sandbox} and {@code java org.flickrdynamic.sandbox.Sandbox}. Internal: not part of the
 * library's API.
 */
public final class StandaloneSandbox {
    /** The options, as the usage lines show them. */
    public static final String OPTIONS = "[--port N] [--seed N] [--photos N]";
    /** Exit code: bad options. */
    private static final int USAGE = 2;
    /** Exit code: the sandbox could not start (most often: the port is taken). */
    private static final int FAILED = 1;

    private StandaloneSandbox() {
    }

    /**
     * Starts a sandbox with the options, prints its URLs, key and secret, and serves until the process is
     * stopped. Returns only on bad options or a failed start, with the exit code.
     *
     * @param usage the usage line to print after a bad option
     */
    public static int run(String[] args, PrintStream out, PrintStream err, String usage) throws InterruptedException {
        Sandbox sandbox;
        try {
            Sandbox.Builder b = builder(args);
            if (b == null) {
                out.println(usage);
                return 0;
            }
            sandbox = b.start();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(usage);
            return USAGE;
        } catch (UncheckedIOException e) {
            // Most often the port is taken: say so in one line rather than with a stack trace.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("error: " + e.getMessage() + " (" + cause.getMessage() + ")");
            return FAILED;
        }
        // The key and secret printed are the sandbox's published test values, never a real account's.
        out.println("Flickr sandbox listening on " + sandbox.restUrl());
        out.println("  base URL:   " + sandbox.baseUrl());
        out.println("  REST URL:   " + sandbox.restUrl());
        out.println("  API key:    " + sandbox.apiKey());
        out.println("  API secret: " + sandbox.secret());
        out.println("  photos:     " + sandbox.photoIds().size() + " of " + sandbox.users().size() + " users (seed "
                + sandbox.seed() + ")");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "flickr-sandbox-shutdown"));
        Thread.currentThread().join();
        return 0;
    }

    /** The builder the options ask for, or {@code null} for {@code --help}. */
    private static Sandbox.Builder builder(String[] args) {
        Sandbox.Builder b = Sandbox.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> b.port((int) number(args, ++i, Integer.MAX_VALUE));
                case "--seed" -> b.seed(number(args, ++i, Long.MAX_VALUE));
                // --synthetic-photos: the option's first name, still accepted.
                case "--photos", "--synthetic-photos" -> b.syntheticPhotos((int) number(args, ++i, Integer.MAX_VALUE));
                case "--help", "-h" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return b;
    }

    private static long number(String[] args, int i, long max) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        String v = args[i];
        try {
            long n = Long.parseLong(v.strip());
            if (n > max || n < -max - 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs a whole number, not '" + v + "'");
        }
    }
}
