package dev.portside.knowledge;

import dev.portside.core.AddressScope;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import java.util.List;

/** "Address already in use" and "connection refused", explained for one socket. */
public final class CommonProblems {

    private CommonProblems() {
    }

    public static List<CommonProblem> forSocket(ListeningSocket socket) {
        int port = socket.port();
        String holder = socket.owner().map(p -> Texts.get("detail.problem.holder", p.displayName(), p.pid()))
                .orElse(Texts.get("detail.problem.holder.hidden"));
        CommonProblem inUse = new CommonProblem(Texts.get("detail.problem.inuse.title"),
                Texts.get("detail.problem.inuse.text", port, holder));
        return List.of(inUse, new CommonProblem(Texts.get("detail.problem.refused.title"), refused(socket)));
    }

    private static String refused(ListeningSocket socket) {
        int port = socket.port();
        if (socket.protocol() == Protocol.UDP) {
            return Texts.get("detail.problem.refused.udp", port);
        }
        IpAddress a = socket.address().isIpv4Mapped() ? socket.address().embeddedIpv4() : socket.address();
        AddressScope scope = socket.scope();
        if (scope == AddressScope.LOOPBACK) {
            return a.family() == IpFamily.IPV4 ? Texts.get("detail.problem.refused.loopback4", port, a)
                    : Texts.get("detail.problem.refused.loopback6", port);
        }
        if (scope == AddressScope.ALL_INTERFACES && !a.zone().isEmpty()) {
            return Texts.get("detail.problem.refused.device", port, a.zone());
        }
        if (scope == AddressScope.ALL_INTERFACES) {
            return a.family() == IpFamily.IPV4 ? Texts.get("detail.problem.refused.all4", port)
                    : Texts.get("detail.problem.refused.all6", port);
        }
        return Texts.get("detail.problem.refused.one", port, socket.address().withPort(port));
    }
}
