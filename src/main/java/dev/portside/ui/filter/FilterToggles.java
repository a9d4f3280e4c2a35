package dev.portside.ui.filter;

import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.PortCategory;
import dev.portside.core.Protocol;
import java.util.EnumSet;
import java.util.Set;

/**
 * The on/off filters next to the search field: which protocols, IP families and port categories
 * to show, and the reach (scope). Pure value; an empty set shows nothing of that kind.
 */
public record FilterToggles(Set<Protocol> protocols, Set<IpFamily> families, Set<PortCategory> categories,
        ScopeFilter scope) {

    public FilterToggles {
        protocols = protocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(protocols));
        families = families.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(families));
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        scope = scope == null ? ScopeFilter.ALL : scope;
    }

    /** Everything shown. */
    public static FilterToggles all() {
        return new FilterToggles(EnumSet.allOf(Protocol.class), EnumSet.allOf(IpFamily.class),
                EnumSet.allOf(PortCategory.class), ScopeFilter.ALL);
    }

    public boolean test(ListeningSocket s) {
        return protocols.contains(s.protocol()) && families.contains(s.family()) && categories.contains(s.category())
                && scope.test(s.scope());
    }

    /** A port where nothing listens has only a category. */
    public boolean testPort(int port) {
        return categories.contains(PortCategory.of(port));
    }

    public boolean isAll() {
        return equals(all());
    }

    /**
     * As the record's own, written out: the record's is built from method handles at its first call
     * in a JVM, on the window's FX thread on the way to its first frame (docs/PERFORMANCE.md, "Third
     * round: the window"). {@code RecordEqualityTest} checks that every component counts.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof FilterToggles t && scope == t.scope && protocols.equals(t.protocols)
                && families.equals(t.families) && categories.equals(t.categories);
    }

    @Override
    public int hashCode() {
        return ((protocols.hashCode() * 31 + families.hashCode()) * 31 + categories.hashCode()) * 31 + scope.hashCode();
    }
}
