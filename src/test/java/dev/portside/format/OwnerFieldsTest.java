package dev.portside.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerCertainty;
import dev.portside.owner.Container;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Project;
import dev.portside.owner.ServiceUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner fields of `list --json` and of the CSV export: owner, certainty, container, unit, project, user. */
class OwnerFieldsTest {

    private static final ListeningSocket HIDDEN = new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(),
            IpAddress.IPV4_ANY, 5432, List.of(), new SocketUser(113, "postgres"));
    private static final ListeningSocket PROXY = new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(),
            IpAddress.IPV4_ANY, 8080, List.of(new ProcessInfo(4242, "docker-proxy", "", "docker-proxy -host-port 8080",
                    "root", null, 1)), new SocketUser(0, "root"));

    @Test
    void aHiddenSocketHasItsKernelUserAndAGuess() {
        LikelyOwner guess = new LikelyOwner("PostgreSQL", "Port 5432 is usually PostgreSQL.", OwnerCertainty.GUESSED_FROM_PORT,
                "", null);
        JsonObject o = SocketJson.toJson(HIDDEN, guess);
        assertThat(o.get("pid").isJsonNull()).isTrue();
        assertThat(o.get("user").getAsString()).isEqualTo("postgres");
        assertThat(o.get("uid").getAsInt()).isEqualTo(113);
        assertThat(o.get("owner").getAsString()).isEqualTo("PostgreSQL");
        assertThat(o.get("certainty").getAsString()).isEqualTo("port");
        assertThat(o.get("container").isJsonNull()).isTrue();
        assertThat(o.get("unit").isJsonNull()).isTrue();
        assertThat(o.get("project").isJsonNull()).isTrue();
    }

    @Test
    void aContainersPortNamesTheContainerUnitAndProjectAsObjects() {
        Container web = new Container("Docker", "3f2a1b2c3d4e", "shop-web", "nginx:1.27", "running", "", List.of());
        OwnerFacts facts = new OwnerFacts(web, null, null, new ServiceUnit("shop.service", true),
                new Project("shop", "package.json", "/home/ada/shop", List.of()), "/home/ada/shop", "");
        LikelyOwner owner = new LikelyOwner("Docker: shop-web", "…", OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE, "",
                null, facts);
        JsonObject o = SocketJson.toJson(PROXY, owner);
        assertThat(o.get("certainty").getAsString()).isEqualTo("command-line");
        assertThat(o.getAsJsonObject("container").keySet()).containsExactly("name", "image", "id");
        assertThat(o.getAsJsonObject("container").get("image").getAsString()).isEqualTo("nginx:1.27");
        assertThat(o.get("unit").getAsString()).isEqualTo("shop.service");
        assertThat(o.getAsJsonObject("project").get("name").getAsString()).isEqualTo("shop");
        assertThat(SocketCsv.toCsv(List.of(PROXY), s -> owner)).endsWith(
                ",Docker: shop-web,command-line,shop-web,shop.service,shop\r\n");
        // without an owner the fields are there, empty, so scripts see one schema
        JsonObject bare = SocketJson.toJson(PROXY);
        assertThat(bare.get("owner").isJsonNull()).isTrue();
        assertThat(bare.get("certainty").getAsString()).isEqualTo("unknown");
    }
}
