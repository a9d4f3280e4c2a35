package dev.portside.cli;

import dev.portside.action.PortInput;
import java.io.PrintWriter;

/** Reads the PORT argument of {@code who} and {@code free} with the GUI's own check. */
final class PortArgument {

    /** Exit code for bad arguments, as picocli uses for its own usage errors. */
    static final int BAD_ARGUMENTS = 2;

    private PortArgument() {
    }

    /**
     * The port, or -1 after printing the reason (in the same words as the GUI) on {@code err}.
     *
     * @param command the sub-command's name ("who")
     */
    static int parse(String text, String command, PrintWriter err) {
        PortInput.Result result = PortInput.parse(text);
        if (result instanceof PortInput.Valid v) {
            return v.port();
        }
        String qualified = "portside " + command;
        err.println(qualified + ": " + ((PortInput.Invalid) result).message());
        err.println("Usage: " + qualified + " PORT   (for example: " + qualified + " 3000)");
        err.flush();
        return -1;
    }
}
