package dev.portside.platform;

import dev.portside.core.Protocol;
import java.util.List;

/**
 * The terminal commands that show a listening socket on this system without Portside, exactly as
 * a person types them there. The words that explain each are the knowledge layer's (by tool).
 */
public interface CheckCommandSet {

    /** One command: the tool it uses ({@code ss}, {@code lsof}, {@code netstat}, {@code powershell}) and its text. */
    record Command(String tool, String text) {
    }

    List<Command> forSocket(Protocol protocol, int port);
}
