package org.flickrdynamic.sandbox;

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
                    case "--port" -> b.port(Integer.parseInt(value(args, ++i)));
                    case "--seed" -> b.seed(Long.parseLong(value(args, ++i)));
                    case "--synthetic-photos" -> b.syntheticPhotos(Integer.parseInt(value(args, ++i)));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        Sandbox sandbox = b.start();
        // The key and secret printed are the sandbox's published test values, never a real account's.
        System.out.println("Flickr sandbox listening on " + sandbox.restUrl());
        System.out.println("  base URL:   " + sandbox.baseUrl());
        System.out.println("  API key:    " + sandbox.apiKey());
        System.out.println("  API secret: " + sandbox.secret());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "flickr-sandbox-shutdown"));
        Thread.currentThread().join();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
