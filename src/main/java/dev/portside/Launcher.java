package dev.portside;

import dev.portside.cli.PortsideCommand;

/**
 * The entry point of the jar and the installed app: a plain class (not the JavaFX Application), so
 * that the JavaFX runtime can sit on the class path and the CLI starts without the toolkit.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int code = PortsideCommand.run(args, guiArgs -> {
            RenderingPipeline.prepare();
            javafx.application.Application.launch(PortsideApp.class, guiArgs);
        });
        if (args.length > 0) {
            System.exit(code);
        }
    }
}
