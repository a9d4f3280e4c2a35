package dev.portside.platform;

import dev.portside.core.Protocol;
import java.util.List;

/** Linux: {@code ss} (always there, iproute2) and {@code lsof}. */
public final class LinuxCheckCommands implements CheckCommandSet {

    @Override
    public List<Command> forSocket(Protocol protocol, int port) {
        boolean tcp = protocol == Protocol.TCP;
        return List.of(new Command("ss", (tcp ? "ss -ltnp" : "ss -lunp") + " 'sport = :" + port + "'"),
                new Command("lsof", tcp ? "lsof -nP -i :" + port : "lsof -nP -iUDP:" + port));
    }
}
