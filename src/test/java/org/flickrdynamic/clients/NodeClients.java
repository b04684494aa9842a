package org.flickrdynamic.clients;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Where the npm clients the sandbox is tested with live ({@code src/test/node}, installed by
 * {@code npm ci} from its lockfile), and the rule for their absence: a test that needs Node.js or the
 * packages skips with the reason, unless {@code -Dflickrdynamic.strict=true} asks for it to fail.
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

    /** Skips the test with the reason, or fails it when {@code flickrdynamic.strict=true}; nothing when none. */
    static void skipOrFail(String missing) {
        if (missing == null) {
            return;
        }
        if (Boolean.getBoolean("flickrdynamic.strict")) {
            fail(missing + " (flickrdynamic.strict=true makes this a failure)");
        }
        Assumptions.abort(missing);
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
