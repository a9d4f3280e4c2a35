package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Protocol;
import dev.portside.platform.OsFamily;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckCommandsTest {

    @ParameterizedTest(name = "{0} {1} on {2}")
    @CsvSource(delimiter = ';', value = {
        "LINUX      ; TCP ; ss -ltnp 'sport = :5173'                  ; lsof -nP -i :5173",
        "LINUX      ; UDP ; ss -lunp 'sport = :5173'                  ; lsof -nP -iUDP:5173",
        "MACOS      ; TCP ; lsof -nP -iTCP:5173 -sTCP:LISTEN          ; ",
        "MACOS      ; UDP ; lsof -nP -iUDP:5173                       ; ",
        "WINDOWS    ; TCP ; netstat -ano | findstr :5173              ; Get-NetTCPConnection -State Listen -LocalPort 5173",
        "WINDOWS    ; UDP ; netstat -ano -p udp | findstr :5173       ; ",
        "OTHER_UNIX ; TCP ; lsof -nP -iTCP:5173 -sTCP:LISTEN          ; ",
    })
    void commandsPerOs(OsFamily os, Protocol protocol, String first, String second) {
        List<CheckCommand> commands = CheckCommands.forSocket(socket(protocol, 5173), os);
        assertThat(commands.get(0).command()).isEqualTo(first);
        if (second == null) {
            assertThat(commands).hasSize(1);
        } else {
            assertThat(commands.get(1).command()).isEqualTo(second);
        }
        assertThat(commands).allSatisfy(c -> assertThat(c.explanation()).isNotBlank().doesNotStartWith("!"));
    }

    @Test
    void problemsNameThePortTheHolderAndTheAddressMismatch() {
        List<CommonProblem> v4 = CommonProblems.forSocket(socket(Protocol.TCP, 5173));
        assertThat(v4.get(0).text()).contains("5173").contains("another user's program").contains("Free");
        assertThat(v4.get(1).text()).contains("::1").contains("127.0.0.1:5173");
        IpAddress six = IpAddress.IPV6_LOOPBACK;
        List<CommonProblem> v6 = CommonProblems.forSocket(new ListeningSocket(Protocol.TCP, six.family(), six, 80,
                List.of()));
        assertThat(v6.get(1).text()).contains("127.0.0.1:80").contains("[::1]:80");
    }

    private static ListeningSocket socket(Protocol protocol, int port) {
        IpAddress a = IpAddress.IPV4_LOOPBACK;
        return new ListeningSocket(protocol, a.family(), a, port, List.of());
    }
}
