package arena.bench.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr while a long command runs: drawn only when stderr is a terminal, silent
 * otherwise, so that piped output and {@code --format json} on stdout stay clean. Used by the
 * command's main thread only.
 */
public interface Progress extends AutoCloseable {

    /** Advances by one step and shows what runs next. */
    void step(String message);

    @Override
    void close();

    /** A bar of {@code total} steps when stderr is a terminal, else a no-op. */
    static Progress start(String task, long total) {
        if (!Terminal.isInteractive()) {
            return new Progress() {
                @Override
                public void step(String message) {
                }

                @Override
                public void close() {
                }
            };
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
        return new Progress() {
            @Override
            public void step(String message) {
                bar.setExtraMessage(message);
                bar.step();
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }

    /** Whether the JVM talks to a terminal. */
    final class Terminal {
        private Terminal() {
        }

        static boolean isInteractive() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                // JDK 22+ returns a console even when redirected; ask it whether it is a terminal.
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }
}
