package dev.portside.action;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.SocketUser;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Viewer;

/**
 * Why nothing can be ended when the process that holds a socket is hidden, in words that fit who
 * asks: for an ordinary user, whose process it is when the kernel names the socket's user, and how
 * to get the right (run as that user, sudo, administrator); for root, that it runs in another PID
 * namespace (no sudo advice).
 */
public final class HiddenOwnerRefusal {

    private HiddenOwnerRefusal() {
    }

    /** The refusal for a plan with no visible owner. */
    public static Refused of(KillPlan plan) {
        return of(plan, Viewer.isRoot());
    }

    static Refused of(KillPlan plan, boolean viewerIsRoot) {
        if (!plan.hasHiddenOwner()) {
            return new Refused(Refused.Reason.NO_OWNER, Texts.get("action.refused.noOwner"));
        }
        String port = Integer.toString(plan.port());
        SocketUser user = plan.sockets().stream().filter(ListeningSocket::ownerHidden).map(ListeningSocket::user)
                .filter(SocketUser::known).findFirst().orElse(SocketUser.UNKNOWN);
        String message = viewerIsRoot ? Texts.get("action.refused.hidden.namespace", port)
                : Viewer.isViewer(user) ? Texts.get("action.refused.hidden.self", port, Printable.of(user.name()))
                : user.known() ? Texts.get("action.refused.hidden.user", port, Printable.of(user.name()))
                : Texts.get("action.refused.hidden", port);
        return new Refused(Refused.Reason.NO_OWNER, message);
    }

    /** Why End is disabled for a row whose owner is hidden. */
    public static String tip(ListeningSocket socket) {
        return tip(socket, Viewer.isRoot());
    }

    static String tip(ListeningSocket socket, boolean viewerIsRoot) {
        if (viewerIsRoot) {
            return Texts.get("action.tip.hidden.namespace");
        }
        if (Viewer.isViewer(socket.user())) {
            return Texts.get("action.tip.hidden.self", Printable.of(socket.user().name()));
        }
        return socket.user().known() ? Texts.get("action.tip.hidden.user", Printable.of(socket.user().name()))
                : Texts.get("action.tip.hidden");
    }
}
