package dev.portside.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each system's theme reader on what its command really prints (recorded/). */
class SystemThemeTest {

    @Test
    void gnomeSaysDarkOnlyForPreferDark() {
        assertThat(new GnomeTheme(new RecordedCommands()
                .answer(GnomeTheme.COMMAND, "gsettings-color-scheme-prefer-dark.txt", 0)).prefersDark()).contains(true);
        assertThat(new GnomeTheme(new RecordedCommands()
                .answer(GnomeTheme.COMMAND, "gsettings-color-scheme-default.txt", 0)).prefersDark()).contains(false);
    }

    @Test
    void gnomeWithoutItsSchemaOrWithoutGsettingsDoesNotSay() {
        assertThat(new GnomeTheme(new RecordedCommands()
                .answer(GnomeTheme.COMMAND, "gsettings-no-schema.txt", 1)).prefersDark()).isEmpty();
        assertThat(new GnomeTheme(new RecordedCommands()).prefersDark()).isEmpty();
    }

    @Test
    void macIsDarkWhenDefaultsPrintsDarkAndLightWhenTheKeyIsMissing() {
        assertThat(new MacTheme(new RecordedCommands()
                .answer(MacTheme.COMMAND, "defaults-AppleInterfaceStyle-dark.txt", 0)).prefersDark()).contains(true);
        assertThat(new MacTheme(new RecordedCommands()
                .answer(MacTheme.COMMAND, "defaults-AppleInterfaceStyle-light.txt", 1)).prefersDark()).contains(false);
        assertThat(new MacTheme(new RecordedCommands()).prefersDark()).as("no defaults command").isEmpty();
    }

    @Test
    void windowsReadsAppsUseLightTheme() {
        assertThat(new WindowsTheme(new RecordedCommands()
                .answer(WindowsTheme.COMMAND, "reg-query-AppsUseLightTheme-dark.txt", 0)).prefersDark()).contains(true);
        assertThat(new WindowsTheme(new RecordedCommands()
                .answer(WindowsTheme.COMMAND, "reg-query-AppsUseLightTheme-light.txt", 0)).prefersDark()).contains(false);
        assertThat(new WindowsTheme(new RecordedCommands()
                .answer(WindowsTheme.COMMAND, "reg-query-AppsUseLightTheme-missing.txt", 1)).prefersDark()).isEmpty();
    }

    @Test
    void theCommandsAreFixedArgumentLists() {
        RecordedCommands windows = new RecordedCommands();
        new WindowsTheme(windows).prefersDark();
        assertThat(windows.ran()).containsExactly(java.util.List.of("reg", "query",
                "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme"));
        RecordedCommands mac = new RecordedCommands();
        new MacTheme(mac).prefersDark();
        assertThat(mac.ran()).containsExactly(java.util.List.of("defaults", "read", "-g", "AppleInterfaceStyle"));
    }

    @Test
    void theRealGsettingsHereGivesAnAnswerOrNone() {
        // On this machine: a real process through ProcessCommandRunner; GNOME's answer or, without
        // gsettings, none. Never an exception, never a wait past the timeout.
        assertThat(new GnomeTheme(new ProcessCommandRunner()).prefersDark()).isNotNull();
    }
}
