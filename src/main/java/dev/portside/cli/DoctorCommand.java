package dev.portside.cli;

import dev.portside.AppDirs;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.Texts;
import dev.portside.platform.OsFamily;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code portside doctor}: what Portside sees on this computer, and how, for bug reports and puzzles. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show how Portside reads ports here: the system, the scanner and why, what is hidden, where files live.")
public final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    PortsideCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Texts.get("doctor.version", Version.current()));
        out.println(Texts.get("doctor.os", System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch")));
        out.println(Texts.get("doctor.java", System.getProperty("java.version"), System.getProperty("java.vendor")));
        try (PortScanner scanner = parent.openScanner()) {
            Scanners.Choice choice = Scanners.lastChoice();
            out.println(Texts.get("doctor.scanner", scanner.name(),
                    choice != null && choice.scanner().equals(scanner.name()) ? choice.reason() : ""));
            try {
                Snapshot s = scanner.scan();
                out.println(Texts.get("doctor.sockets", s.sockets().size(), s.took().toMillis(), s.hiddenOwnerCount()));
            } catch (RuntimeException e) {
                out.println(Texts.get("doctor.scanFailed", e.getMessage()));
            }
        }
        out.println(switch (otherUsersVisible()) {
            case VISIBLE -> Texts.get("doctor.owners.visible");
            case HIDDEN -> Texts.get("doctor.owners.hidden");
            default -> Texts.get("doctor.owners.unknown");
        });
        Path config = AppDirs.configDir();
        out.println(Texts.get(Files.isDirectory(config) ? "doctor.settings" : "doctor.settings.missing", config));
        out.println(Texts.get("doctor.logs"));
        out.flush();
        return 0;
    }

    enum Visibility { VISIBLE, HIDDEN, UNKNOWN }

    /**
     * On Linux: can this user read the fd list of a process of another user? (That is what finding a
     * socket's owner needs.) Elsewhere: unknown, the socket count of hidden owners says the rest.
     */
    static Visibility otherUsersVisible() {
        if (OsFamily.current() != OsFamily.LINUX) {
            return Visibility.UNKNOWN;
        }
        Object self;
        try {
            self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (Exception e) {
            return Visibility.UNKNOWN;
        }
        String[] pids = new File("/proc").list();
        if (pids == null) {
            return Visibility.UNKNOWN;
        }
        for (String pid : pids) {
            if (pid.isEmpty() || !Character.isDigit(pid.charAt(0))) {
                continue;
            }
            try {
                Object uid = Files.getAttribute(Path.of("/proc", pid), "unix:uid");
                if (!uid.equals(self)) {
                    return new File("/proc/" + pid + "/fd").list() != null ? Visibility.VISIBLE : Visibility.HIDDEN;
                }
            } catch (Exception e) {
                // the process ended: try the next
            }
        }
        // nobody else runs anything: an administrator sees all, anyone else would not
        return Integer.valueOf(0).equals(self) ? Visibility.VISIBLE : Visibility.UNKNOWN;
    }
}
