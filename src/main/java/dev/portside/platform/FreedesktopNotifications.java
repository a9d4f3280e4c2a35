package dev.portside.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux desktops: {@code org.freedesktop.Notifications} on the user's session D-Bus (GNOME, KDE,
 * XFCE, dunst, mako…), through dbus-java over the JDK's Unix domain sockets. Connects at the first
 * message; a session without a bus, without a notification service or with a bus on an abstract
 * socket (which the JDK cannot open) gives false, and the window shows the message itself.
 */
public final class FreedesktopNotifications implements NotificationCentre {

    static final String BUS_NAME = "org.freedesktop.Notifications";
    static final String OBJECT_PATH = "/org/freedesktop/Notifications";
    /** The installed menu entry's name (without .desktop): the desktop shows our name and icon. */
    static final String DESKTOP_ENTRY = "portside-Portside";
    private static final String INSTALLED_ICON = "/opt/portside/lib/Portside.png";
    private static final Logger LOG = LoggerFactory.getLogger(FreedesktopNotifications.class);

    /** The freedesktop notification interface (Desktop Notifications Specification 1.2). */
    @DBusInterfaceName(BUS_NAME)
    public interface Notifications extends DBusInterface {
        @SuppressWarnings("checkstyle:MethodName")
        UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

        @SuppressWarnings("checkstyle:MethodName")
        List<String> GetCapabilities();
    }

    private final Optional<String> address;
    private DBusConnection connection;
    private Notifications service;
    private boolean markup;
    private boolean failed;

    /** On the session bus of this environment ({@code DBUS_SESSION_BUS_ADDRESS}, else {@code $XDG_RUNTIME_DIR/bus}). */
    public static FreedesktopNotifications sessionBus(Map<String, String> env) {
        return new FreedesktopNotifications(sessionBusAddress(env));
    }

    /** On the bus at this D-Bus address ({@code unix:path=/run/user/1000/bus}). */
    public FreedesktopNotifications(Optional<String> address) {
        this.address = address;
    }

    static Optional<String> sessionBusAddress(Map<String, String> env) {
        String declared = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (declared != null && !declared.isBlank()) {
            return Optional.of(declared);
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"))) {
            return Optional.of("unix:path=" + Path.of(runtime, "bus"));
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean show(String title, String body) {
        Notifications n = service();
        if (n == null) {
            return false;
        }
        try {
            String icon = Files.exists(Path.of(INSTALLED_ICON)) ? INSTALLED_ICON : "";
            n.Notify("Portside", new UInt32(0), icon, title, markup ? escapeMarkup(body) : body, List.of(),
                    Map.of("desktop-entry", new Variant<>(DESKTOP_ENTRY)), -1);
            return true;
        } catch (RuntimeException e) { // no service on the bus, a closed connection, a refused call
            LOG.info("The desktop's notification service did not take the message ({}); showing it in the window",
                    e.getMessage());
            return false;
        }
    }

    /**
     * The first {@code unix:path=} entry of a D-Bus address ({@code ;} separates alternatives). The
     * JDK's Unix sockets open files only: an abstract socket ({@code unix:abstract=}, older
     * dbus-launch sessions) or TCP gives empty.
     */
    static Optional<String> socketPath(String address) {
        for (String entry : address.split(";")) {
            if (entry.strip().startsWith("unix:path=")) {
                return Optional.of(entry.strip());
            }
        }
        return Optional.empty();
    }

    /** Servers with "body-markup" read the body as a small XML subset: a name with "<" must stay text. */
    static String escapeMarkup(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private Notifications service() {
        if (service != null || failed) {
            return service;
        }
        Optional<String> socket = address.flatMap(FreedesktopNotifications::socketPath);
        if (socket.isEmpty()) {
            failed = true;
            LOG.info("No session D-Bus on a socket file ({}): watch-list messages are shown in the window only",
                    address.orElse("none"));
            return null;
        }
        try {
            connection = DBusConnectionBuilder.forAddress(socket.get()).withShared(false).build();
            Notifications n = connection.getRemoteObject(BUS_NAME, OBJECT_PATH, Notifications.class);
            markup = n.GetCapabilities().contains("body-markup");
            service = n;
        } catch (Exception e) { // DBusException, an unsupported (abstract) address, no service
            failed = true;
            LOG.info("No desktop notification service on the session bus ({}): watch-list messages are shown in"
                    + " the window only", e.getMessage());
            close();
        }
        return service;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (Exception e) {
                LOG.debug("Closing the D-Bus connection", e);
            }
            connection = null;
        }
    }
}
