package dev.portside.knowledge;

import dev.portside.core.AddressScope;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Objects;
import java.util.Optional;

/**
 * Explains the address a socket is bound to: loopback, every interface (with a dual-stack {@code ::}
 * accepting IPv4 too), or one specific address, named by its network interface and classified as
 * private, link-local, public, ... The interface lookup reads the OS: call {@link #explain} off the
 * FX thread, or pass a lookup that does not (tests pass a map).
 */
public final class AddressExplainer {

    /** Which network interface has an address (e.g. "wlan0", "docker0"). */
    @FunctionalInterface
    public interface InterfaceLookup {
        Optional<String> interfaceOf(IpAddress address);
    }

    private final InterfaceLookup lookup;

    public AddressExplainer(InterfaceLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup);
    }

    /** An explainer that asks the OS through {@link NetworkInterface}. */
    public static AddressExplainer system() {
        return new AddressExplainer(AddressExplainer::systemInterfaceOf);
    }

    public AddressExplanation explain(ListeningSocket socket) {
        return explain(socket.address(), socket.family());
    }

    public AddressExplanation explain(IpAddress address, IpFamily family) {
        boolean mapped = address.isIpv4Mapped();
        IpAddress effective = mapped ? address.embeddedIpv4() : address;
        AddressScope scope = AddressScope.of(address);
        AddressKind kind = AddressKind.of(address);
        // A v4-mapped address is explained first as what it is, then as the IPv4 address inside.
        String mappedNote = mapped ? Texts.get("detail.address.mapped", address, effective) + " " : "";
        return switch (scope) {
            case LOOPBACK -> {
                String text = mappedNote + Texts.get("detail.address.loopback.text", effective);
                if (effective.family() == IpFamily.IPV6) {
                    text += " " + Texts.get("detail.address.loopback.ipv6");
                } else {
                    text += " " + Texts.get("detail.address.loopback.ipv4");
                }
                yield new AddressExplanation(scope, kind, "", mapped, false, false,
                        Texts.get("detail.address.loopback.headline"), text);
            }
            case ALL_INTERFACES -> {
                if (!address.zone().isEmpty()) {
                    yield oneInterface(address, effective, kind, mapped, mappedNote);
                }
                boolean dualStack = !mapped && effective.family() == IpFamily.IPV6;
                String text = dualStack ? Texts.get("detail.address.all.ipv6.text")
                        : Texts.get("detail.address.all.ipv4.text");
                String headline = dualStack ? Texts.get("detail.address.all.ipv6.headline")
                        : Texts.get("detail.address.all.ipv4.headline");
                yield new AddressExplanation(scope, kind, "", mapped, dualStack, true, headline, mappedNote + text);
            }
            case INTERFACE -> specific(effective, kind, mapped, mappedNote);
        };
    }

    /**
     * {@code 0.0.0.0%eth0}: a wildcard socket bound to one interface (SO_BINDTODEVICE, a VRF): every
     * address of that interface, and nothing that arrives through another one, loopback included.
     */
    private static AddressExplanation oneInterface(IpAddress address, IpAddress effective, AddressKind kind,
            boolean mapped, String mappedNote) {
        String iface = address.zone();
        boolean dualStack = !mapped && effective.family() == IpFamily.IPV6;
        StringBuilder text = new StringBuilder(mappedNote).append(Texts.get(
                dualStack ? "detail.address.device.ipv6.text" : "detail.address.device.ipv4.text", address, iface));
        // The loopback interface itself ("lo" on Linux, "lo0" on macOS and BSD): this computer only.
        boolean loopback = iface.equals("lo") || iface.equals("lo0");
        text.append(' ').append(Texts.get(loopback ? "detail.address.device.loopback" : "detail.address.device.others",
                iface));
        if (iface.startsWith("docker") || iface.startsWith("br-")) {
            text.append(' ').append(Texts.get("detail.address.one.docker", iface));
        }
        return new AddressExplanation(AddressScope.ALL_INTERFACES, kind, iface, mapped, dualStack, !loopback,
                Texts.get("detail.address.device.headline", iface), text.toString());
    }

    private AddressExplanation specific(IpAddress effective, AddressKind kind, boolean mapped, String mappedNote) {
        String iface = kind == AddressKind.MULTICAST ? "" : lookup.interfaceOf(effective).orElse("");
        StringBuilder text = new StringBuilder(mappedNote);
        String headline;
        if (kind == AddressKind.MULTICAST) {
            headline = Texts.get("detail.address.multicast.headline");
        } else if (iface.isEmpty()) {
            headline = Texts.get("detail.address.one.headline.unknown");
            text.append(Texts.get("detail.address.one.noiface", effective)).append(' ');
        } else {
            headline = Texts.get("detail.address.one.headline", iface);
            text.append(Texts.get("detail.address.one.iface", effective, iface)).append(' ');
            if (iface.startsWith("docker") || iface.startsWith("br-")) {
                text.append(Texts.get("detail.address.one.docker", iface)).append(' ');
            }
        }
        text.append(Texts.get("detail.address.kind." + kind.id()));
        boolean exposed = kind == AddressKind.PUBLIC;
        return new AddressExplanation(AddressScope.INTERFACE, kind, iface, mapped, false, exposed, headline,
                text.toString());
    }

    private static Optional<String> systemInterfaceOf(IpAddress address) {
        if (!address.zone().isEmpty()) {
            return Optional.of(address.zone()); // the socket is bound to that interface
        }
        try {
            NetworkInterface ni = NetworkInterface.getByInetAddress(address.toInetAddress());
            return ni == null ? Optional.empty() : Optional.of(ni.getName());
        } catch (SocketException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
