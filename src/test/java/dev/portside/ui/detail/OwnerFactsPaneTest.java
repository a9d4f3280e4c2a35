package dev.portside.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessExtras;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.AddressExplainer;
import dev.portside.knowledge.DevToolCatalogue;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.ServiceRegistry;
import dev.portside.owner.ContainerDirectory;
import dev.portside.owner.ContainerEngines;
import dev.portside.owner.OwnerFinder;
import dev.portside.platform.OsFamily;
import dev.portside.poll.BackgroundRunner;
import dev.portside.ui.ports.PortsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner part of the detail pane on a made-up /proc: the service and its stop command, the project, a hidden user. */
class OwnerFactsPaneTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final PortsViewModel ports = new PortsViewModel();

    private DetailViewModel model(OwnerFinder finder) {
        Knowledge knowledge = new Knowledge(DevToolCatalogue.loadBundled(), ServiceRegistry.loadBundled(),
                Clock.fixed(NOW, ZoneOffset.UTC), "/home/ada", false);
        DetailServices services = new DetailServices(() -> knowledge, new AddressExplainer(a -> Optional.empty()),
                p -> ProcessExtras.NONE, OsFamily.LINUX, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC,
                BackgroundRunner.sameThread(), finder);
        return new DetailViewModel(ports.selectedProperty(), services);
    }

    private void show(ListeningSocket s) {
        ports.apply(new Snapshot(NOW, Duration.ZERO, List.of(s), "test"));
        ports.selectedProperty().set(ports.row(s.key()));
    }

    @Test
    void aServiceIsShownWithTheCommandThatStopsItForGoodAndAProjectWithItsManifest() throws Exception {
        Path proc = dir.resolve("proc");
        Path pid = Files.createDirectories(proc.resolve("812"));
        Files.writeString(pid.resolve("cgroup"), "0::/system.slice/nginx.service\n");
        Path site = Files.createDirectories(dir.resolve("srv/site"));
        Files.writeString(site.resolve("composer.json"), "{\"name\": \"acme/site\"}");
        Files.createSymbolicLink(pid.resolve("cwd"), site);
        DetailViewModel m = model(new OwnerFinder(proc.toString(), new ContainerDirectory(ContainerEngines.of())));
        ProcessInfo nginx = new ProcessInfo(812, "nginx", "/usr/sbin/nginx", "nginx: master process /usr/sbin/nginx",
                "root", NOW.minusSeconds(3600), 1);
        show(new ListeningSocket(Protocol.TCP, IpAddress.IPV4_ANY.family(), IpAddress.IPV4_ANY, 80, List.of(nginx),
                new SocketUser(0, "root")));
        assertThat(m.ownerLabelProperty().get()).isEqualTo("nginx.service");
        assertThat(m.certaintyTextProperty().get()).isEqualTo("Recognised from its systemd service");
        OwnerFactsViewModel f = m.ownerFacts();
        assertThat(f.serviceProperty().get()).isEqualTo("nginx.service");
        assertThat(f.serviceStopProperty().get()).isEqualTo("sudo systemctl stop nginx");
        assertThat(f.projectProperty().get()).isEqualTo("acme/site (composer.json in " + site + ")");
        assertThat(f.containerProperty().get()).isEmpty();
        assertThat(f.socketUserProperty().get()).isEmpty(); // the owner is visible: its user is in the facts above
        assertThat(f.hiddenNoteProperty().get()).isEmpty();
    }

    @Test
    void aHiddenOwnerShowsTheSocketsUserAndHowToSeeIt() {
        DetailViewModel m = model(OwnerFinder.none());
        show(new ListeningSocket(Protocol.TCP, IpAddress.IPV4_LOOPBACK.family(), IpAddress.IPV4_LOOPBACK, 5432, List.of(),
                new SocketUser(113, "postgres")));
        assertThat(m.ownerLabelProperty().get()).isEqualTo("PostgreSQL");
        OwnerFactsViewModel f = m.ownerFacts();
        assertThat(f.socketUserProperty().get()).isEqualTo("postgres (uid 113)");
        assertThat(f.hiddenNoteProperty().get()).contains("Run Portside as postgres, or with sudo");
        ports.selectedProperty().set(null);
        show(new ListeningSocket(Protocol.TCP, IpAddress.IPV4_LOOPBACK.family(), IpAddress.IPV4_LOOPBACK, 5433, List.of(),
                SocketUser.UNKNOWN));
        assertThat(f.socketUserProperty().get()).isEmpty(); // a new socket: the last one's facts do not linger
    }
}
