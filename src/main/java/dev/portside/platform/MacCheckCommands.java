package dev.portside.platform;

import dev.portside.core.Protocol;
import java.util.List;

/** macOS and other Unix: {@code lsof}, limited to the listening TCP socket. */
public final class MacCheckCommands implements CheckCommandSet {

    @Override
    public List<Command> forSocket(Protocol protocol, int port) {
        return List.of(new Command("lsof", protocol == Protocol.TCP ? "lsof -nP -iTCP:" + port + " -sTCP:LISTEN"
                : "lsof -nP -iUDP:" + port));
    }
}
