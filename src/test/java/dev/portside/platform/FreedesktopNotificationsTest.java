package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.testing.SessionBus;
import dev.portside.testing.StandInNotifications;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Linux notification centre against a real, private session bus and a stand-in service. */
class FreedesktopNotificationsTest {

    @Test
    void aMessageReachesTheNotificationServiceOnTheSessionBus() throws Exception {
        try (SessionBus bus = SessionBus.start();
                StandInNotifications service = new StandInNotifications(bus.address(), List.of("body"));
                FreedesktopNotifications centre = new FreedesktopNotifications(Optional.of(bus.address()))) {
            assertThat(centre.show("Port 3000 is open", "node (pid 42) now listens on TCP 127.0.0.1:3000."))
                    .isTrue();
            StandInNotifications.Call call = service.next();
            assertThat(call).isNotNull();
            assertThat(call.appName()).isEqualTo("Portside");
            assertThat(call.summary()).isEqualTo("Port 3000 is open");
            assertThat(call.body()).isEqualTo("node (pid 42) now listens on TCP 127.0.0.1:3000.");
            assertThat(call.hints().get("desktop-entry").getValue()).isEqualTo("portside-Portside");
            assertThat(call.expireTimeout()).as("the server's default time on screen").isEqualTo(-1);
        }
    }

    @Test
    void aServerThatReadsMarkupGetsNamesAsText() throws Exception {
        try (SessionBus bus = SessionBus.start();
                StandInNotifications service = new StandInNotifications(bus.address(), List.of("body", "body-markup"));
                FreedesktopNotifications centre = new FreedesktopNotifications(Optional.of(bus.address()))) {
            assertThat(centre.show("Port 8080 is open", "<b>evil</b> & co (pid 7)")).isTrue();
            assertThat(service.next().body()).isEqualTo("&lt;b&gt;evil&lt;/b&gt; &amp; co (pid 7)");
        }
    }

    @Test
    void aBusWithoutANotificationServiceSaysNoSoTheWindowShowsIt() throws Exception {
        try (SessionBus bus = SessionBus.start();
                FreedesktopNotifications centre = new FreedesktopNotifications(Optional.of(bus.address()))) {
            assertThat(centre.show("Port 3000 is open", "…")).isFalse();
            assertThat(centre.show("Port 3000 closed", "…")).as("and keeps saying so, without retrying").isFalse();
        }
    }

    @Test
    void noBusOrABusTheJdkCannotOpenSaysNo() {
        assertThat(new FreedesktopNotifications(Optional.empty()).show("t", "b")).isFalse();
        assertThat(new FreedesktopNotifications(Optional.of("unix:abstract=/tmp/dbus-XXXX")).show("t", "b")).isFalse();
    }

    @Test
    void theSessionBusAddressComesFromTheEnvironment() {
        assertThat(FreedesktopNotifications.sessionBusAddress(
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"))).contains("unix:path=/run/user/1000/bus");
        assertThat(FreedesktopNotifications.sessionBusAddress(Map.of("XDG_RUNTIME_DIR", "/nonexistent/run"))).isEmpty();
        assertThat(FreedesktopNotifications.sessionBusAddress(Map.of())).isEmpty();
        assertThat(FreedesktopNotifications.socketPath("unix:abstract=/tmp/dbus-1;unix:path=/run/user/1000/bus"))
                .contains("unix:path=/run/user/1000/bus");
        assertThat(FreedesktopNotifications.socketPath("tcp:host=localhost,port=1234")).isEmpty();
    }
}
