package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UrlOpenerTest {

    private static UrlOpener on(OsFamily os, RecordedCommands runner) {
        return HostSystem.of(os, Map.of(), Path.of("/home/ada"), runner).browser();
    }

    @Test
    void eachSystemStartsItsOwnOpenerWithTheAddressAsOneArgument() {
        String url = "http://127.0.0.1:3000/?q=a&c=$(reboot)";
        RecordedCommands linux = new RecordedCommands();
        on(OsFamily.LINUX, linux).open(url);
        assertThat(linux.started()).containsExactly(List.of("xdg-open", url));
        RecordedCommands mac = new RecordedCommands();
        on(OsFamily.MACOS, mac).open(url);
        assertThat(mac.started()).containsExactly(List.of("open", url));
        RecordedCommands windows = new RecordedCommands();
        on(OsFamily.WINDOWS, windows).open("https://[::1]:8443/");
        assertThat(windows.started()).containsExactly(List.of("rundll32", "url.dll,FileProtocolHandler", "https://[::1]:8443/"));
    }

    @Test
    void onlyWebAddressesAreOpened() {
        RecordedCommands runner = new RecordedCommands();
        UrlOpener opener = on(OsFamily.LINUX, runner);
        for (String bad : List.of("file:///etc/passwd", "--help", "javascript:alert(1)", "C:\\Windows\\notepad.exe",
                "http://", "not a url")) {
            assertThatThrownBy(() -> opener.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(runner.started()).isEmpty();
    }

    @Test
    void aMissingOpenerIsAFailureTheCallerCanHandle() {
        assertThatThrownBy(() -> on(OsFamily.LINUX, new RecordedCommands().startFails()).open("http://127.0.0.1/"))
                .isInstanceOf(UncheckedIOException.class);
    }
}
