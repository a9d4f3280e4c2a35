package dev.portside.ui.filter;

import dev.portside.core.AddressScope;

/** Which sockets to show by who can reach them. */
public enum ScopeFilter {
    /** Every socket. */
    ALL("all"),
    /** Sockets other machines may reach: bound to every interface or to one non-loopback address. */
    EXPOSED("exposed"),
    /** Sockets only this computer can reach. */
    LOOPBACK("loopback");

    private final String id;

    ScopeFilter(String id) {
        this.id = id;
    }

    /** Stable id for the settings file and resource keys. */
    public String id() {
        return id;
    }

    public boolean test(AddressScope scope) {
        return switch (this) {
            case ALL -> true;
            case EXPOSED -> scope != AddressScope.LOOPBACK;
            case LOOPBACK -> scope == AddressScope.LOOPBACK;
        };
    }

    /** The scope filter with this id, or {@link #ALL} for anything else. */
    public static ScopeFilter byId(String id) {
        for (ScopeFilter s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return ALL;
    }
}
