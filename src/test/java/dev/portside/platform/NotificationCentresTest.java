package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** macOS's and Windows' notification centres, on what they send (Linux's: FreedesktopNotificationsTest). */
class NotificationCentresTest {

    @Test
    void macSendsTheTextsAsArgumentsOfAFixedScript() {
        RecordedCommands runner = new RecordedCommands();
        NotificationCentre mac = HostSystem.of(OsFamily.MACOS, Map.of(), Path.of("/Users/ada"), runner).notifications();
        assertThat(mac.show("Port 3000 is open", "\" & do shell script \"rm -rf ~\" & \" (pid 42)")).isTrue();
        assertThat(runner.started()).containsExactly(List.of("osascript", "-e", "on run argv", "-e",
                "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run",
                "Port 3000 is open", "\" & do shell script \"rm -rf ~\" & \" (pid 42)"));
    }

    @Test
    void macTextThatLooksLikeAnOptionStaysText() {
        RecordedCommands runner = new RecordedCommands();
        new MacNotifications(runner).show("-e", "-l JavaScript");
        assertThat(runner.started().get(0)).endsWith(" -e", " -l JavaScript");
    }

    @Test
    void macWithoutOsascriptSaysNo() {
        assertThat(new MacNotifications(new RecordedCommands().startFails()).show("t", "b")).isFalse();
    }

    /** Records what AWT's tray would be asked. */
    private static final class RecordingTray implements TrayNotifications.Tray {
        final List<String> calls = new ArrayList<>();
        boolean supported = true;

        @Override
        public boolean isSupported() {
            return supported;
        }

        @Override
        public void showMessage(String title, String body) {
            calls.add("message " + title + " | " + body);
        }

        @Override
        public void remove() {
            calls.add("remove");
        }
    }

    @Test
    void windowsShowsABalloonFromTheTrayIconAndRemovesTheIconAtTheEnd() {
        RecordingTray tray = new RecordingTray();
        try (TrayNotifications centre = new TrayNotifications(tray)) {
            assertThat(centre.show("Port 3000 closed", "node stopped listening")).isTrue();
        }
        assertThat(tray.calls).containsExactly("message Port 3000 closed | node stopped listening", "remove");
    }

    @Test
    void windowsWithoutANotificationAreaSaysNo() {
        RecordingTray tray = new RecordingTray();
        tray.supported = false;
        assertThat(new TrayNotifications(tray).show("t", "b")).isFalse();
        assertThat(tray.calls).isEmpty();
    }

    @Test
    void theRealTrayInAHeadlessJvmIsUnsupported() {
        // Surefire runs with java.awt.headless=true, like a server: no tray, so the window's pop-up.
        assertThat(new AwtTray().isSupported()).isFalse();
    }
}
