package dev.portside.ui.watch;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ControlsFX {@link Notifications} in the corner of the screen. A pop-up that cannot be shown (no
 * window yet, a headless toolkit) is logged and dropped: a message never breaks the app.
 */
public final class FxNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(FxNotifier.class);

    private final Window owner;

    public FxNotifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void notify(String title, String text) {
        LOG.info("{}: {}", title, text);
        Runnable show = () -> {
            try {
                if (owner == null || !owner.isShowing()) {
                    return;
                }
                Notifications.create().owner(owner).title(title).text(text).position(Pos.BOTTOM_RIGHT)
                        .hideAfter(Duration.seconds(8)).showInformation();
            } catch (RuntimeException | Error e) { // e.g. no screen in a headless run
                LOG.debug("Could not show a notification", e);
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }
}
