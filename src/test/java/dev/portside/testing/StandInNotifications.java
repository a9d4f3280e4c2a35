package dev.portside.testing;

import dev.portside.platform.FreedesktopNotifications;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A stand-in desktop notification service: owns {@code org.freedesktop.Notifications} on a bus,
 * as GNOME Shell or dunst do, and records every Notify call instead of showing it.
 */
public final class StandInNotifications implements FreedesktopNotifications.Notifications, AutoCloseable {

    /** One recorded Notify call. */
    public record Call(String appName, String appIcon, String summary, String body, Map<String, Variant<?>> hints,
            int expireTimeout) {
    }

    private final DBusConnection connection;
    private final List<String> capabilities;
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    public StandInNotifications(String address, List<String> capabilities) throws Exception {
        this.capabilities = List.copyOf(capabilities);
        connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        connection.requestBusName("org.freedesktop.Notifications");
        connection.exportObject("/org/freedesktop/Notifications", this);
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
            List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        calls.add(new Call(appName, appIcon, summary, body, Map.copyOf(hints), expireTimeout));
        return new UInt32(ids.incrementAndGet());
    }

    @Override
    public List<String> GetCapabilities() {
        return capabilities;
    }

    @Override
    public String getObjectPath() {
        return "/org/freedesktop/Notifications";
    }

    /** The next recorded call, waiting at most 20 seconds; null when none came. */
    public Call next() throws InterruptedException {
        return calls.poll(20, TimeUnit.SECONDS);
    }

    /** How many calls were recorded (and not yet taken). */
    public int pending() {
        return calls.size();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
