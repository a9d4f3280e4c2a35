package dev.portside;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** JavaFX's class-path warning is not printed; its other messages are, as JavaFX logs them. */
class FxClassPathWarningTest {

    @Test
    void onlyTheClassPathWarningIsLeftOut() {
        Logger javafx = Logger.getLogger("javafx");
        List<String> published = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        javafx.addHandler(handler);
        boolean parents = javafx.getUseParentHandlers();
        javafx.setUseParentHandlers(false);
        try {
            FxClassPathWarning.skip();
            // as JavaFX logs it: System.Logger, which goes to java.util.logging's "javafx" logger
            System.Logger platform = System.getLogger("javafx");
            platform.log(System.Logger.Level.WARNING, FxClassPathWarning.PREFIX + " 'unnamed module @58b50f48'");
            platform.log(System.Logger.Level.WARNING, "Could not resolve '-color-fg-default' while resolving lookups");
            javafx.log(Level.WARNING, "Unsupported JavaFX configuration: something else");

            assertThat(published).containsExactly("Could not resolve '-color-fg-default' while resolving lookups",
                    "Unsupported JavaFX configuration: something else");
        } finally {
            javafx.removeHandler(handler);
            javafx.setUseParentHandlers(parents);
            javafx.setFilter(null);
        }
    }

    @Test
    void aFilterSetBeforeStillDecidesTheRest() {
        FxClassPathWarning.WithoutIt filter = new FxClassPathWarning.WithoutIt(r -> r.getLevel() == Level.SEVERE);
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, FxClassPathWarning.PREFIX + " x"))).isFalse();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "other"))).isFalse();
        assertThat(filter.isLoggable(new LogRecord(Level.SEVERE, "other"))).isTrue();
        assertThat(new FxClassPathWarning.WithoutIt(null).isLoggable(new LogRecord(Level.INFO, null))).isTrue();
    }
}
