package dev.portside.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything that differs per operating system, one small interface per concern, put together for
 * the system Portside runs on: {@code HostSystem.current().theme().prefersDark()}. The rest of the
 * app asks this and never reads {@code os.name} itself. Each system's aggregate
 * ({@link LinuxSystem}, {@link MacSystem}, {@link WindowsSystem}) is built from an environment, a
 * home folder and a {@link CommandRunner}, so tests build the Windows one on Linux and feed it
 * recorded output.
 */
public interface HostSystem {

    OsFamily family();

    /** Whether the desktop prefers dark. */
    SystemTheme theme();

    /** Where the settings and logs go. */
    AppFolders folders();

    /** The default browser. */
    UrlOpener browser();

    /** The system's notifications; made at the first call (it may connect to a bus). */
    NotificationCentre notifications();

    /** How this system's OSHI connection table marks listening sockets and their owners. */
    OshiSocketMapping oshiMapping();

    /** The terminal commands that show a socket here. */
    CheckCommandSet checkCommands();

    /** The system this JVM runs on, with its real environment and commands. */
    static HostSystem current() {
        return Current.INSTANCE;
    }

    /** A system's aggregate for a given environment (tests, and the one above). */
    static HostSystem of(OsFamily family, Map<String, String> env, Path home, CommandRunner runner) {
        return switch (family) {
            case WINDOWS -> new WindowsSystem(env, home, runner);
            case MACOS -> new MacSystem(home, runner);
            case LINUX, OTHER_UNIX -> new LinuxSystem(family, env, home, runner);
        };
    }

    /** The check-it-yourself commands of a system (no environment needed). */
    static CheckCommandSet checkCommands(OsFamily family) {
        return switch (family) {
            case WINDOWS -> new WindowsCheckCommands();
            case LINUX -> new LinuxCheckCommands();
            case MACOS, OTHER_UNIX -> new MacCheckCommands();
        };
    }

    /** Holder: built at first use, once. */
    final class Current {
        static final HostSystem INSTANCE = HostSystem.of(OsFamily.current(), System.getenv(),
                Path.of(System.getProperty("user.home", ".")), new ProcessCommandRunner());

        private Current() {
        }
    }
}
