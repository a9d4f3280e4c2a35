package dev.portside;

import dev.portside.cli.PortsideCommand;
import dev.portside.platform.SelectorProviderChoice;
import java.util.function.Consumer;

/**
 * The entry point of the jar and the installed app: a plain class (not the JavaFX Application), so
 * that the JavaFX runtime can sit on the class path and the CLI starts without the toolkit.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        SelectorProviderChoice.apply(); // before anything opens a channel
        int code = PortsideCommand.run(args, new Window());
        if (args.length > 0) {
            end(code);
        }
    }

    /**
     * A command ends here, its output written: the JVM stops at once. System.exit would first run
     * the shutdown sequence, and from Java 21 on that sets up the platform's logging to log the exit
     * (Runtime.exit's debug line): 15-25 ms of a 60 ms command on the app image's Java 25
     * (docs/PERFORMANCE.md, "Fifth round"). A command leaves no shutdown hook behind (list --watch
     * removes its own) and no file to delete on exit. When a signal (Ctrl+C, SIGTERM) has begun the
     * JVM's shutdown already, that shutdown ends it, with its own exit status (130, 143).
     */
    private static void end(int code) {
        System.out.flush();
        System.err.flush();
        Thread probe = new Thread(() -> { }, "portside-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        Runtime.getRuntime().halt(code);
    }

    /** Opens the window (a class, not a lambda: see PortsideCommand on the start-up of a command). */
    private static final class Window implements Consumer<String[]> {
        @Override
        public void accept(String[] guiArgs) {
            RenderingPipeline.prepare();
            FxClassPathWarning.skip();
            javafx.application.Application.launch(PortsideApp.class, guiArgs);
        }
    }
}
