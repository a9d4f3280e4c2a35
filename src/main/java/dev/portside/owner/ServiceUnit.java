package dev.portside.owner;

import java.util.Objects;

/**
 * The systemd unit a process runs in, from its cgroup ({@code /system.slice/nginx.service}).
 *
 * @param name the unit's full name, e.g. "nginx.service" or "postgresql@15-main.service"
 * @param userUnit true for a unit of a user's own systemd ({@code systemctl --user})
 */
public record ServiceUnit(String name, boolean userUnit) {

    public ServiceUnit {
        Objects.requireNonNull(name, "name");
    }

    /** "nginx" for "nginx.service": what people type after {@code systemctl stop}. */
    public String shortName() {
        return name.endsWith(".service") ? name.substring(0, name.length() - ".service".length()) : name;
    }

    /**
     * The command that stops it for good: {@code sudo systemctl stop nginx} ({@code sudo} left out
     * for root), {@code systemctl --user stop vite} for a user unit.
     */
    public String stopCommand(boolean asRoot) {
        if (userUnit) {
            return "systemctl --user stop " + shortName();
        }
        return (asRoot ? "" : "sudo ") + "systemctl stop " + shortName();
    }
}
