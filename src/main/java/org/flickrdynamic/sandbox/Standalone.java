package org.flickrdynamic.sandbox;

import java.io.UncheckedIOException;

/** {@link Sandbox#main}: a sandbox run from the command line until the process is stopped. */
final class Standalone {
    private static final String USAGE = "usage: java org.flickrdynamic.sandbox.Sandbox [--port N] [--seed N] [--synthetic-photos N]";

    private Standalone() {
    }

    static void run(String[] args) throws InterruptedException {
        Sandbox.Builder b = Sandbox.builder();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> b.port((int) number(args, ++i));
                    case "--seed" -> b.seed(number(args, ++i));
                    case "--synthetic-photos" -> b.syntheticPhotos((int) number(args, ++i));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        Sandbox sandbox;
        try {
            sandbox = b.start();
        } catch (UncheckedIOException e) {
            // Most often the port is taken: say so in one line rather than with a stack trace.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("error: " + e.getMessage() + " (" + cause.getMessage() + ")");
            System.exit(1);
            return;
        }
        // The key and secret printed are the sandbox's published test values, never a real account's.
        System.out.println("Flickr sandbox listening on " + sandbox.restUrl());
        System.out.println("  base URL:   " + sandbox.baseUrl());
        System.out.println("  API key:    " + sandbox.apiKey());
        System.out.println("  API secret: " + sandbox.secret());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "flickr-sandbox-shutdown"));
        Thread.currentThread().join();
    }

    private static long number(String[] args, int i) {
        String v = value(args, i);
        try {
            long n = Long.parseLong(v.strip());
            if (!args[i - 1].equals("--seed") && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs a whole number, not '" + v + "'");
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
