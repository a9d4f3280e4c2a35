package dev.portside;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps JavaFX from printing "Unsupported JavaFX configuration: classes were loaded from 'unnamed
 * module'" at every start of the window. Portside puts JavaFX on the class path on purpose (so that
 * the command line starts without the module system's work and the toolkit; see {@link Launcher}),
 * so the line says nothing to a user. Printing it was not free either: JavaFX logs it before the
 * toolkit starts, through java.util.logging's console handler, whose formatter (a date pattern
 * through {@code String.format}) was 25-35 ms of the launcher thread on the way to the first frame
 * (docs/PERFORMANCE.md, "Third round: the window"). Every other message of JavaFX's loggers is
 * printed as before.
 */
final class FxClassPathWarning {

    static final String PREFIX = "Unsupported JavaFX configuration: classes were loaded from";

    /** The logger JavaFX's warning goes to; held here, since java.util.logging keeps loggers weakly. */
    private static Logger javafx;

    private FxClassPathWarning() {
    }

    /** Called once, before JavaFX starts. */
    static void skip() {
        javafx = Logger.getLogger("javafx");
        javafx.setFilter(new WithoutIt(javafx.getFilter()));
    }

    /** Every record but that warning, and what a filter set before would pass. */
    static final class WithoutIt implements Filter {
        private final Filter before;

        WithoutIt(Filter before) {
            this.before = before;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.startsWith(PREFIX)) {
                return false;
            }
            return before == null || before.isLoggable(record);
        }
    }
}
