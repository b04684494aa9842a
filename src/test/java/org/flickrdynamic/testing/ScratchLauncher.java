package org.flickrdynamic.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * bin/flickr in a scratch root, for tests that run the launcher as a user does without building the jar:
 * the test writes the root's bin/.classpath.sh itself, naming whatever class path it needs.
 */
public final class ScratchLauncher {
    private ScratchLauncher() {
    }

    /**
     * Copies bin/flickr and the files it sources or runs (bin/.jvm, bin/.java.sh) into {@code root}/bin.
     *
     * @return the copy of bin/flickr
     */
    public static Path install(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        for (String name : new String[] {"flickr", ".jvm", ".java.sh"}) {
            Path copy = root.resolve("bin").resolve(name);
            Files.copy(Path.of("bin").resolve(name), copy, StandardCopyOption.REPLACE_EXISTING);
            if (!copy.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + copy + " executable");
            }
        }
        return root.resolve("bin/flickr");
    }
}
