package dev.portside.knowledge;

import dev.portside.core.AddressScope;
import java.util.Objects;

/**
 * A socket's address in plain words.
 *
 * @param scope who can reach it: this computer only, every interface, or one interface
 * @param kind loopback, private, link-local, public, ...
 * @param interfaceName the network interface that has this address ("" when none or not asked)
 * @param ipv4Mapped true for ::ffff:a.b.c.d
 * @param dualStack true for an IPv6 wildcard socket, which on most systems accepts IPv4 too
 * @param exposed true when other machines can connect (every interface, or a public address)
 * @param headline a few words, e.g. "Loopback: this computer only"
 * @param text the explanation, a few short sentences
 */
public record AddressExplanation(AddressScope scope, AddressKind kind, String interfaceName, boolean ipv4Mapped,
        boolean dualStack, boolean exposed, String headline, String text) {

    public AddressExplanation {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        interfaceName = Objects.requireNonNullElse(interfaceName, "");
    }
}
