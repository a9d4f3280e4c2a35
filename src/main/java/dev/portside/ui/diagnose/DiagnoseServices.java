package dev.portside.ui.diagnose;

import dev.portside.action.Browser;
import dev.portside.action.TextClipboard;
import dev.portside.diagnose.Diagnose;
import dev.portside.poll.BackgroundRunner;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * What the diagnosis pane needs from outside: the engine (its own scanner, used on the runner's lane
 * only), the runner, clipboard and browser, and the way into the kill confirmation ("free it" goes
 * through the actions' own entry, never straight to a process).
 */
public record DiagnoseServices(Engine engine, BackgroundRunner runner, TextClipboard clipboard, Browser browser,
        IntConsumer freePort) {

    /** Diagnoses a text ({@link Diagnose#run(String, Diagnose.BindRequest)} in the app). */
    @FunctionalInterface
    public interface Engine {
        Diagnose.Outcome run(String text, Diagnose.BindRequest bind);
    }

    public DiagnoseServices {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(clipboard, "clipboard");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(freePort, "freePort");
    }
}
