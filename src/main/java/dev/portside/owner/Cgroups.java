package dev.portside.owner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    /** docker-ID.scope, libpod-ID.scope, cri-containerd-ID.scope, crio-ID.scope (systemd cgroup driver). */
    private static final Pattern SCOPE = Pattern.compile("(docker|libpod|cri-containerd|crio)-([0-9a-f]{64})\\.scope");
    private static final Pattern USER_MANAGER = Pattern.compile("user@\\d+\\.service");

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
        if (!id.isEmpty() && unit != null && unit.name().matches("(docker|containerd|podman)\\.service")) {
            unit = null; // cgroup v1 with cgroupfs: /system.slice/docker.service/ID is the container, not dockerd
        }
        return new Facts(unit, id, runtime);
    }

    private static String[] container(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i];
            Matcher scope = SCOPE.matcher(p);
            if (scope.matches()) {
                String who = switch (scope.group(1)) {
                    case "libpod" -> "podman";
                    case "cri-containerd" -> "containerd";
                    case "crio" -> "cri-o";
                    default -> "docker";
                };
                return new String[] {scope.group(2), who};
            }
            if (ID.matcher(p).matches()) {
                // cgroupfs driver: /docker/ID, /libpod_parent/libpod-ID, /kubepods/besteffort/podUID/ID
                String parent = i > 0 ? parts[i - 1] : "";
                String who = parent.startsWith("libpod") ? "podman" : parent.equals("docker") ? "docker"
                        : path.contains("kubepods") ? "containerd" : "docker";
                return new String[] {p, who};
            }
            if (p.startsWith("libpod-") && ID.matcher(p.substring(7)).matches()) {
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
            if (USER_MANAGER.matcher(p).matches()) {
                return null; // the user's systemd itself, or a process it started outside any unit
            }
            boolean user = false;
            for (int j = 0; j < i; j++) {
                if (USER_MANAGER.matcher(parts[j]).matches()) {
                    user = true;
                    break;
                }
            }
            return new ServiceUnit(p, user); // as systemctl names it, escapes such as \x2d included
        }
        return null;
    }
}
