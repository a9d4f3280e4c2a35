package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import dev.portside.core.SocketUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words when the process that holds a port is hidden, for an ordinary user and for root. */
class HiddenOwnerRefusalTest {

    private static ListeningSocket hidden(SocketUser user) {
        return new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_ANY, 5432, List.of(), user);
    }

    @Test
    void anOrdinaryUserIsToldWhoseProcessItIsAndHowToGetTheRight() {
        KillPlan plan = KillPlan.forSocket(hidden(new SocketUser(113, "postgres")));

        assertThat(HiddenOwnerRefusal.of(plan, false).message()).isEqualTo("Port 5432 is held by a process of the"
                + " user postgres, which your account cannot see. Run Portside as postgres, or with sudo (Linux, macOS)"
                + " or as administrator (Windows), to see and end it.");
        assertThat(HiddenOwnerRefusal.tip(plan.sockets().get(0), false)).isEqualTo("Portside cannot see which"
                + " process holds this port: it belongs to the user postgres. Run Portside as postgres, or with sudo"
                + " or as administrator, to end it.");
    }

    @Test
    void withoutTheSocketsUserItSaysAnotherUser() {
        KillPlan plan = KillPlan.forSocket(hidden(SocketUser.UNKNOWN));

        assertThat(HiddenOwnerRefusal.of(plan, false).message()).contains("another user's process").contains("sudo");
    }

    @Test
    void rootIsNotToldToUseSudo() {
        KillPlan plan = KillPlan.forSocket(hidden(new SocketUser(0, "root")));

        assertThat(HiddenOwnerRefusal.of(plan, true).message()).contains("another PID namespace")
                .doesNotContain("sudo");
        assertThat(HiddenOwnerRefusal.tip(plan.sockets().get(0), true)).contains("another PID namespace")
                .doesNotContain("sudo");
    }

    @Test
    void aUserNameWithControlCharactersIsShownEscaped() {
        KillPlan plan = KillPlan.forSocket(hidden(new SocketUser(1001, "evil\u001b[2J")));

        assertThat(HiddenOwnerRefusal.of(plan, false).message()).contains("user evil\\x1b[2J,")
                .doesNotContain("\u001b");
    }
}
