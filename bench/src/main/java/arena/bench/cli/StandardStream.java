package arena.bench.cli;

import arena.bench.report.OutputTargets;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The process's standard output or standard error as a {@link PrintWriter} that remembers why a
 * write failed. A {@code PrintWriter} swallows the {@link IOException} of a full disk, a closed pipe
 * or a device error and only sets a flag; this one also keeps the operating system's reason, so
 * that {@link ArenaCli} can say in one line why the output was lost. Flushes on every line, like
 * the {@link PrintWriter} it replaces; written by the command's thread.
 */
public final class StandardStream extends PrintWriter {

    private final FailureRecorder recorder;

    private StandardStream(FailureRecorder recorder, PrintStream charsetOf) {
        super(new OutputStreamWriter(recorder, charsetOf.charset()), true);
        this.recorder = recorder;
    }

    /** File descriptor 1, in {@code System.out}'s character set. */
    public static StandardStream out() {
        return new StandardStream(new FailureRecorder(new FileOutputStream(FileDescriptor.out)), System.out);
    }

    /** File descriptor 2, in {@code System.err}'s character set. */
    public static StandardStream err() {
        return new StandardStream(new FailureRecorder(new FileOutputStream(FileDescriptor.err)), System.err);
    }

    /** The operating system's reason for the first failed write or flush, e.g. "No space left on device"; empty while none failed. */
    public Optional<String> failure() {
        return Optional.ofNullable(recorder.first).map(OutputTargets::reason);
    }

    /** Passes bytes through unchanged and keeps the first exception. */
    private static final class FailureRecorder extends OutputStream {
        private final OutputStream target;
        private volatile IOException first;

        FailureRecorder(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                target.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                target.write(bytes, offset, length);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                target.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (first == null) {
                first = e;
            }
            return e;
        }
    }
}
