package dev.portside.knowledge;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import java.util.ArrayList;
import java.util.List;

/** The commands that show a socket on this OS: {@code ss}, {@code lsof}, {@code netstat}. */
public final class CheckCommands {

    private CheckCommands() {
    }

    public static List<CheckCommand> forSocket(ListeningSocket socket, HostOs os) {
        int port = socket.port();
        boolean tcp = socket.protocol() == Protocol.TCP;
        List<CheckCommand> commands = new ArrayList<>(3);
        switch (os) {
            case LINUX -> {
                commands.add(new CheckCommand(Texts.get("detail.check.ss"),
                        (tcp ? "ss -ltnp" : "ss -lunp") + " 'sport = :" + port + "'"));
                commands.add(new CheckCommand(Texts.get("detail.check.lsof"),
                        tcp ? "lsof -nP -i :" + port : "lsof -nP -iUDP:" + port));
            }
            case MACOS, OTHER_UNIX -> commands.add(new CheckCommand(Texts.get("detail.check.lsof"),
                    tcp ? "lsof -nP -iTCP:" + port + " -sTCP:LISTEN" : "lsof -nP -iUDP:" + port));
            case WINDOWS -> {
                commands.add(new CheckCommand(Texts.get("detail.check.netstat"),
                        (tcp ? "netstat -ano" : "netstat -ano -p udp") + " | findstr :" + port));
                if (tcp) {
                    commands.add(new CheckCommand(Texts.get("detail.check.powershell"),
                            "Get-NetTCPConnection -State Listen -LocalPort " + port));
                }
            }
        }
        return List.copyOf(commands);
    }
}
