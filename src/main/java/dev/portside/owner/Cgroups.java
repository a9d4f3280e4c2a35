package dev.portside.owner;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a process's {@code /proc/PID/cgroup} says about it: the systemd unit it runs in, and
 * the container it belongs to. Handles cgroup v2 ({@code 0::/system.slice/nginx.service}), v1
 * ({@code 1:name=systemd:/system.slice/nginx.service}, {@code 4:memory:/docker/ID}) and the hybrid
 * of both.
 */
public final class Cgroups {

    /**
     * What a cgroup file says.
     *
     * @param unit the systemd service, or null (a login session, a desktop app, no systemd)
     * @param containerId the container's id (64 hex digits), or ""
     * @param runtime who runs that container: "docker", "podman", "containerd", "cri-o", or ""
     */
    public record Facts(ServiceUnit unit, String containerId, String runtime) {
        public static final Facts NONE = new Facts(null, "", "");

        public boolean inContainer() {
            return !containerId.isEmpty();
        }
    }

    /*
     * Plain string checks, not regular expressions: these run on the way to every command's answer,
     * where compiling three patterns cost more than reading the file (docs/PERFORMANCE.md, step 29).
     */

    /** A container id: 64 lower-case hex digits. */
    private static boolean isId(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The runtimes of a systemd scope docker-ID.scope, libpod-ID.scope, cri-containerd-ID.scope, crio-ID.scope. */
    private static final String[] SCOPE_RUNTIMES = {"docker", "libpod", "cri-containerd", "crio"};

    /** For RUNTIME-ID.scope (systemd cgroup driver): {id, runtime as named in the path}; else null. */
    private static String[] scope(String p) {
        if (!p.endsWith(".scope")) {
            return null;
        }
        for (String runtime : SCOPE_RUNTIMES) {
            if (p.startsWith(runtime) && p.length() == runtime.length() + 1 + 64 + 6 && p.charAt(runtime.length()) == '-') {
                String id = p.substring(runtime.length() + 1, runtime.length() + 65);
                if (isId(id)) {
                    return new String[] {id, runtime};
                }
            }
        }
        return null;
    }

    /** user@UID.service: the user's own systemd. */
    private static boolean isUserManager(String p) {
        if (!p.startsWith("user@") || !p.endsWith(".service") || p.length() <= 5 + 8) {
            return false;
        }
        for (int i = 5; i < p.length() - 8; i++) {
            if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private Cgroups() {
    }

    /** Parses the text of a {@code /proc/PID/cgroup} file. */
    public static Facts parse(String cgroupFile) {
        if (cgroupFile == null || cgroupFile.isBlank()) {
            return Facts.NONE;
        }
        // The unified (v2) line and systemd's own v1 hierarchy say where systemd put the process;
        // the controllers' lines agree with them, or say "/" when the controller is not used.
        List<String> paths = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String line : cgroupFile.split("\n")) {
            String[] parts = line.strip().split(":", 3);
            if (parts.length < 3 || parts[2].isEmpty()) {
                continue;
            }
            if (parts[0].equals("0") && parts[1].isEmpty() || parts[1].equals("name=systemd")) {
                paths.add(parts[2]);
            } else {
                others.add(parts[2]);
            }
        }
        paths.addAll(others);
        ServiceUnit unit = null;
        String id = "";
        String runtime = "";
        for (String path : paths) {
            if (id.isEmpty()) {
                String[] container = container(path);
                if (container != null) {
                    id = container[0];
                    runtime = container[1];
                }
            }
            if (unit == null) {
                unit = unit(path);
            }
        }
        if (!id.isEmpty() && unit != null && (unit.name().equals("docker.service")
                || unit.name().equals("containerd.service") || unit.name().equals("podman.service"))) {
            unit = null; // cgroup v1 with cgroupfs: /system.slice/docker.service/ID is the container, not dockerd
        }
        return new Facts(unit, id, runtime);
    }

    private static String[] container(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i];
            String[] scope = scope(p);
            if (scope != null) {
                String who = switch (scope[1]) {
                    case "libpod" -> "podman";
                    case "cri-containerd" -> "containerd";
                    case "crio" -> "cri-o";
                    default -> "docker";
                };
                return new String[] {scope[0], who};
            }
            if (isId(p)) {
                // cgroupfs driver: /docker/ID, /libpod_parent/libpod-ID, /kubepods/besteffort/podUID/ID
                String parent = i > 0 ? parts[i - 1] : "";
                String who = parent.startsWith("libpod") ? "podman" : parent.equals("docker") ? "docker"
                        : path.contains("kubepods") ? "containerd" : "docker";
                return new String[] {p, who};
            }
            if (p.startsWith("libpod-") && isId(p.substring(7))) {
                return new String[] {p.substring(7), "podman"};
            }
        }
        return null;
    }

    /** The innermost ".service" of the path; a user unit when it lies below the user's manager. */
    private static ServiceUnit unit(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i];
            if (!p.endsWith(".service")) {
                continue;
            }
            if (isUserManager(p)) {
                return null; // the user's systemd itself, or a process it started outside any unit
            }
            boolean user = false;
            for (int j = 0; j < i; j++) {
                if (isUserManager(parts[j])) {
                    user = true;
                    break;
                }
            }
            return new ServiceUnit(p, user); // as systemctl names it, escapes such as \x2d included
        }
        return null;
    }
}
