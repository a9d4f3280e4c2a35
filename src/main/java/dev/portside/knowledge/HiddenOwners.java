package dev.portside.knowledge;

import dev.portside.core.SocketUser;
import dev.portside.owner.Viewer;

/**
 * The words for a socket whose process Portside cannot see: "hidden (user postgres)" when the
 * kernel names the socket's user; for root, who may see every process of its own PID namespace,
 * "in a container or another namespace" instead of "another user's process".
 */
public final class HiddenOwners {

    private static final boolean ROOT = Viewer.isRoot();

    private HiddenOwners() {
    }

    /** The Process column's text for a hidden owner, as this Portside (root or not) sees it. */
    public static String rowText(SocketUser user) {
        return rowText(user, ROOT);
    }

    public static String rowText(SocketUser user, boolean viewerIsRoot) {
        if (viewerIsRoot) {
            return user.known() ? Texts.get("owner.hidden.namespace.user", user.name())
                    : Texts.get("owner.hidden.namespace");
        }
        return user.known() ? Texts.get("owner.hidden.user", user.name()) : Texts.get("owner.hidden");
    }

    /** Why the owner is hidden and how to see it (no sudo advice for root). */
    public static String tooltip(SocketUser user) {
        return tooltip(user, ROOT);
    }

    public static String tooltip(SocketUser user, boolean viewerIsRoot) {
        if (viewerIsRoot) {
            return Texts.get("owner.hidden.namespace.tooltip");
        }
        if (Viewer.isViewer(user)) {
            return Texts.get("owner.hidden.self.tooltip", user.name());
        }
        return user.known() ? Texts.get("owner.hidden.user.tooltip", user.name()) : Texts.get("owner.hidden.tooltip");
    }
}
