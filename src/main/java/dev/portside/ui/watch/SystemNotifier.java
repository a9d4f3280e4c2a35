package dev.portside.ui.watch;

import dev.portside.core.Printable;
import dev.portside.platform.NotificationCentre;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Sends watch-list messages to the system's notification centre, so that they reach the user while
 * Portside is minimised or behind the editor. The window's own pop-up is used instead while the
 * window has the focus (the user is looking at it), when the user switched system notifications
 * off, and when the system has no notification centre or refuses the message. The centre is
 * called on a background thread (D-Bus, a helper process); the pop-up comes back on the FX thread.
 * Text from the system (process names) is escaped here, whatever the caller did.
 */
public final class SystemNotifier implements Notifier {

    private final NotificationCentre centre;
    private final Notifier inWindow;
    private final BooleanSupplier windowFocused;
    private final Executor background;
    private final Executor fx;

    public SystemNotifier(NotificationCentre centre, Notifier inWindow, BooleanSupplier windowFocused,
            Executor background, Executor fx) {
        this.centre = Objects.requireNonNull(centre);
        this.inWindow = Objects.requireNonNull(inWindow);
        this.windowFocused = Objects.requireNonNull(windowFocused);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
    }

    @Override
    public void notify(String title, String text) {
        notify(title, text, true);
    }

    @Override
    public void notify(String title, String text, boolean systemAllowed) {
        String t = Printable.of(title);
        String b = Printable.of(text);
        if (!systemAllowed || windowFocused.getAsBoolean()) {
            inWindow.notify(t, b);
            return;
        }
        background.execute(() -> {
            boolean shown;
            try {
                shown = centre.show(t, b);
            } catch (RuntimeException e) {
                shown = false;
            }
            if (!shown) {
                fx.execute(() -> inWindow.notify(t, b));
            }
        });
    }
}
