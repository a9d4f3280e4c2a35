package dev.portside.platform;

import dev.portside.core.Protocol;
import java.util.List;

/** Windows: {@code netstat -ano} filtered by {@code findstr} (cmd), and PowerShell's cmdlet for TCP. */
public final class WindowsCheckCommands implements CheckCommandSet {

    @Override
    public List<Command> forSocket(Protocol protocol, int port) {
        if (protocol == Protocol.TCP) {
            return List.of(new Command("netstat", "netstat -ano | findstr :" + port),
                    new Command("powershell", "Get-NetTCPConnection -State Listen -LocalPort " + port));
        }
        return List.of(new Command("netstat", "netstat -ano -p udp | findstr :" + port));
    }
}
