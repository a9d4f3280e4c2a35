package dev.portside.testing;

import dev.portside.action.KillOptions;
import dev.portside.action.KillTarget;
import dev.portside.action.PortFreer;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.UrlBuilder;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Snapshot;
import dev.portside.poll.BackgroundRunner;
import dev.portside.scan.PortScanner;
import dev.portside.scan.Scanners;
import dev.portside.ui.actions.ActionMessage;
import dev.portside.ui.actions.ActionServices;
import dev.portside.ui.actions.ActionsViewModel;
import dev.portside.ui.actions.KillConfirmer;
import dev.portside.ui.actions.KillDialogViewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import dev.portside.ui.ports.PortRowViewModel;

/**
 * The window's End, without a window: selects the row of a port as the table would (from a real
 * scan), presses End through {@link ActionsViewModel}, confirms the dialog (with the child processes
 * when the second argument is {@code tree}) and prints what the user would read, one fact a line:
 * {@code KILL_DISABLED}, {@code KILL_TIP}, {@code DIALOG}, {@code OWNER}, {@code MESSAGE}. Tests run it
 * as another user to see the window's words for the system's real answers.
 */
public final class KillFlowDriver {

    private KillFlowDriver() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        boolean tree = args.length > 1 && args[1].equals("tree");
        try (PortScanner table = Scanners.best(); PortScanner actions = Scanners.best()) {
            Snapshot snapshot = table.scan();
            ListeningSocket socket = snapshot.onPort(port).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("nothing listens on " + port));
            SimpleObjectProperty<PortRowViewModel> selection = new SimpleObjectProperty<>(
                    new PortRowViewModel(socket, Instant.now()));
            ActionServices services = new ActionServices(new PortFreer(actions,
                    new ProcessTerminator(Duration.ofSeconds(10))), new UrlBuilder(), text -> { }, url -> { },
                    BackgroundRunner.sameThread(), () -> { });
            ActionsViewModel model = new ActionsViewModel(selection, new SimpleObjectProperty<>(snapshot), services,
                    new Confirming(tree), ZoneId.of("UTC"));
            System.out.println("KILL_DISABLED " + model.killDisabledProperty().get());
            System.out.println("KILL_TIP " + model.killTipProperty().get());
            model.endSelected();
            ActionMessage message = model.lastMessageProperty().get();
            System.out.println("MESSAGE " + (message == null ? "(none)" : message.kind() + " " + message.text()));
        }
    }

    /** Prints the dialog and confirms it. */
    private record Confirming(boolean tree) implements KillConfirmer {
        @Override
        public void confirmKill(KillDialogViewModel dialog, Consumer<KillOptions> onConfirm) {
            System.out.println("DIALOG " + dialog.heading());
            for (KillDialogViewModel.ProcessRow p : dialog.processes()) {
                System.out.println("OWNER " + p.label() + " | user " + p.user() + " | children " + p.children()
                        + (p.canEnd() ? "" : " | not ended: " + p.whyNot()));
            }
            dialog.treeProperty().set(tree);
            onConfirm.accept(dialog.options());
        }

        @Override
        public Runnable askForce(KillTarget target, long graceSeconds, Consumer<Boolean> answer) {
            System.out.println("FORCE? " + target.label());
            answer.accept(false);
            return () -> { };
        }
    }
}
