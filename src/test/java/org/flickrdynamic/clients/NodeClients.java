package org.flickrdynamic.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where the npm clients the sandbox is tested with live ({@code src/test/node}, installed by
 * {@code npm ci} from its lockfile), and what is missing when they cannot run; the tests hand that to
 * {@link org.flickrdynamic.testing.Outside}, which skips or, in a strict run, fails.
 */
final class NodeClients {
    /** The folder with {@code package.json}, {@code package-lock.json} and the scripts. */
    static final Path FOLDER = Path.of("src", "test", "node").toAbsolutePath();

    private NodeClients() {
    }

    /** Why the npm package cannot run here (no {@code node}, or the package not installed), or {@code null}. */
    static String missing(String npmPackage) {
        if (!nodeRuns()) {
            return "Node.js is not installed (no working `node` on the PATH)";
        }
        if (!Files.isRegularFile(FOLDER.resolve("node_modules").resolve(npmPackage).resolve("package.json"))) {
            return "the npm package " + npmPackage + " is not installed: run `npm ci` in " + FOLDER;
        }
        return null;
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
