package org.flickrdynamic.internal.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * bin/flickr's standard output, which remembers why a write failed: a reader that stopped early
 * ({@code | head}) closes the pipe, and the command then ends quietly, while any other failure (a full
 * disk) stays an error. A {@link PrintStream} alone only says that something failed.
 */
final class StandardOutput extends PrintStream {
    private final Recorder recorder;

    private StandardOutput(Recorder recorder) {
        super(new BufferedOutputStream(recorder, 8192), true, StandardCharsets.UTF_8);
        this.recorder = recorder;
    }

    /** The process's standard output. */
    static StandardOutput open() {
        return new StandardOutput(new Recorder(new FileOutputStream(FileDescriptor.out)));
    }

    /** Whether {@code out} is a standard output whose reader has closed the pipe. */
    static boolean readerLeft(PrintStream out) {
        return out instanceof StandardOutput s && s.recorder.failure != null && isBrokenPipe(s.recorder.failure);
    }

    private static boolean isBrokenPipe(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("EPIPE"));
    }

    /** Passes writes through and keeps the first failure. */
    private static final class Recorder extends FilterOutputStream {
        volatile IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }
}
