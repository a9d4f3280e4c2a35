package dev.portside.knowledge;

import dev.portside.core.ListeningSocket;
import dev.portside.platform.CheckCommandSet;
import dev.portside.platform.HostSystem;
import dev.portside.platform.OsFamily;
import java.util.List;

/**
 * The commands that show a socket without Portside, with what each shows in words. Which commands
 * a system has is the platform's ({@link CheckCommandSet}); this adds the explanations.
 */
public final class CheckCommands {

    private CheckCommands() {
    }

    public static List<CheckCommand> forSocket(ListeningSocket socket, OsFamily os) {
        return forSocket(socket, HostSystem.checkCommands(os));
    }

    public static List<CheckCommand> forSocket(ListeningSocket socket, CheckCommandSet commands) {
        return commands.forSocket(socket.protocol(), socket.port()).stream()
                .map(c -> new CheckCommand(Texts.get("detail.check." + c.tool()), c.text()))
                .toList();
    }
}
