package dev.portside.ui.actions;

import dev.portside.action.HiddenOwnerRefusal;
import dev.portside.action.KillTarget;
import dev.portside.action.PortInput;
import dev.portside.action.ProcessTerminator;
import dev.portside.action.Refused;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Container;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.RowState;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The commands on the selected socket and on a typed port, and whether each can run now (with the
 * reason when not): End (the {@link KillFlow} does the rest), Copy URL, Open, the context menu's
 * copies, and the free-port field. Whether a process may be ended is asked of
 * {@link ProcessTerminator}; none of its rules are repeated here. A selected row whose socket has
 * closed (it lingers struck through) offers nothing that acts on the socket. No nodes.
 */
public final class ActionsViewModel {

    private static final DateTimeFormatter CLOSED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ObservableValue<PortRowViewModel> selection;
    private final ActionServices services;
    private final ZoneId zone;
    private final KillFlow flow;
    private final SocketCommands commands;

    private final ReadOnlyObjectWrapper<ListeningSocket> selectedSocket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper killDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper killTip = new ReadOnlyStringWrapper();
    /** "End process", or "Stop container shop-web" for a container's port (the owner package names it). */
    private final ReadOnlyStringWrapper killText = new ReadOnlyStringWrapper(Texts.get("action.button.kill"));
    private final ReadOnlyStringWrapper killMenuText = new ReadOnlyStringWrapper(Texts.get("action.menu.kill"));
    private final ReadOnlyBooleanWrapper urlDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper copyUrlTip = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper openTip = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper nothingSelected = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper pidUnknown = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<ActionMessage> lastMessage = new ReadOnlyObjectWrapper<>();
    private final StringProperty freePortText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper freePortError = new ReadOnlyStringWrapper("");

    private final InvalidationListener rowChanged = o -> updateSelected();

    public ActionsViewModel(ObservableValue<PortRowViewModel> selection, ObservableValue<Snapshot> lastSnapshot,
            ActionServices services, KillConfirmer confirmer, ZoneId zone) {
        this(selection, lastSnapshot, services, confirmer, zone, KillFlow.FORCE_QUESTION_LIMIT);
    }

    /** @param forceQuestionLimit how long "end by force?" waits for an answer (tests shorten it) */
    public ActionsViewModel(ObservableValue<PortRowViewModel> selection, ObservableValue<Snapshot> lastSnapshot,
            ActionServices services, KillConfirmer confirmer, ZoneId zone, Duration forceQuestionLimit) {
        this.selection = Objects.requireNonNull(selection);
        this.services = Objects.requireNonNull(services);
        this.zone = zone;
        this.flow = new KillFlow(services, lastSnapshot, zone, lastMessage::set, forceQuestionLimit);
        this.commands = new SocketCommands(services.urls(), services.clipboard(), services.browser(),
                lastMessage::set);
        flow.setConfirmer(confirmer);
        // The row object lives as long as its socket: its owner can change in place between polls,
        // and its state says when the socket has closed.
        selection.addListener((o, was, now) -> {
            if (was != null) {
                was.socketProperty().removeListener(rowChanged);
                was.closedProperty().removeListener(rowChanged);
                was.likelyOwnerProperty().removeListener(rowChanged);
            }
            if (now != null) {
                now.socketProperty().addListener(rowChanged);
                now.closedProperty().addListener(rowChanged);
                now.likelyOwnerProperty().addListener(rowChanged);
            }
            updateSelected();
        });
        if (selection.getValue() != null) {
            selection.getValue().socketProperty().addListener(rowChanged);
            selection.getValue().closedProperty().addListener(rowChanged);
            selection.getValue().likelyOwnerProperty().addListener(rowChanged);
        }
        flow.stateProperty().addListener(o -> updateEnabled());
        freePortText.addListener(o -> freePortError.set(""));
        // Portside's own ancestors are read once, off the FX thread, before any row asks.
        ProcessTerminator terminator = services.freer().terminator();
        services.runner().run(() -> {
            terminator.warmUp();
            return Boolean.TRUE;
        }, done -> updateEnabled(), failed -> updateEnabled());
        updateSelected();
    }

    /** The view sets the dialog-backed confirmer once it has a window. */
    public void setConfirmer(KillConfirmer confirmer) {
        flow.setConfirmer(confirmer);
    }

    /** The kill in progress, from the click to the outcome. */
    public KillFlow killFlow() {
        return flow;
    }

    // ---- Properties ----

    public ReadOnlyObjectProperty<ListeningSocket> selectedSocketProperty() {
        return selectedSocket.getReadOnlyProperty();
    }

    /** Where the kill is: idle, preparing, confirming, ending. */
    public ReadOnlyObjectProperty<KillFlow.State> stateProperty() {
        return flow.stateProperty();
    }

    /** True from the click on End until the outcome: a second request does nothing meanwhile. */
    public boolean isBusy() {
        return flow.isBusy();
    }

    public ReadOnlyBooleanProperty killDisabledProperty() {
        return killDisabled.getReadOnlyProperty();
    }

    /** What the End button does, or why it cannot. */
    public ReadOnlyStringProperty killTipProperty() {
        return killTip.getReadOnlyProperty();
    }

    /** The context menu's words: "End process…", or "Stop container shop-web…". */
    public ReadOnlyStringProperty killMenuTextProperty() {
        return killMenuText.getReadOnlyProperty();
    }

    /** The End button's words: "End process", or "Stop container shop-web" for a container's port. */
    public ReadOnlyStringProperty killTextProperty() {
        return killText.getReadOnlyProperty();
    }

    /** Copy URL and Open are disabled together (no selection, UDP, or the socket closed). */
    public ReadOnlyBooleanProperty urlDisabledProperty() {
        return urlDisabled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty copyUrlTipProperty() {
        return copyUrlTip.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openTipProperty() {
        return openTip.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty nothingSelectedProperty() {
        return nothingSelected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pidUnknownProperty() {
        return pidUnknown.getReadOnlyProperty();
    }

    /** 0 when idle, -1 while working without a known end, 0…1 while waiting for a process to end. */
    public ReadOnlyDoubleProperty progressProperty() {
        return flow.progressProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return flow.progressTextProperty();
    }

    /** The last outcome to tell the user (a new object each time, so listeners fire for repeats). */
    public ReadOnlyObjectProperty<ActionMessage> lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    public StringProperty freePortTextProperty() {
        return freePortText;
    }

    /** Why the typed port was not accepted, or "". */
    public ReadOnlyStringProperty freePortErrorProperty() {
        return freePortError.getReadOnlyProperty();
    }

    // ---- Commands ----

    /** The URL of the selected socket, if it has one (TCP) and it is still open. */
    public Optional<String> selectedUrl() {
        return urlDisabled.get() ? Optional.empty() : commands.url(selectedSocket.get());
    }

    public void copyUrl() {
        if (!urlDisabled.get()) {
            commands.copyUrl(selectedSocket.get());
        }
    }

    public void openInBrowser() {
        if (!urlDisabled.get()) {
            commands.open(selectedSocket.get());
        }
    }

    /** {@code 127.0.0.1:3000} or {@code [::1]:3000}. */
    public void copyAddress() {
        ListeningSocket s = selectedSocket.get();
        if (s != null) {
            commands.copyAddress(s);
        }
    }

    public void copyPid() {
        ListeningSocket s = selectedSocket.get();
        if (s != null) {
            commands.copyPid(s);
        }
    }

    /** The row as tab-separated text (pastes into a spreadsheet or a bug report). */
    public void copyRow() {
        ListeningSocket s = selectedSocket.get();
        if (s != null) {
            commands.copyRow(s);
        }
    }

    /** End the selected socket's owners: prepares off the FX thread, then asks for confirmation. */
    public void endSelected() {
        ListeningSocket s = selectedSocket.get();
        if (s == null || killDisabled.get() || isBusy()) {
            return;
        }
        flow.endOwnersOf(s);
    }

    /** Free the typed port: checks the text, looks who holds it, and goes to the same confirmation. */
    public void freeTypedPort() {
        PortInput.Result input = PortInput.parse(freePortText.get());
        if (input instanceof PortInput.Invalid invalid) {
            freePortError.set(""); // the same mistake twice still shows the message again
            freePortError.set(invalid.message());
            return;
        }
        if (isBusy()) {
            return;
        }
        freePortError.set("");
        flow.freePort(((PortInput.Valid) input).port());
    }

    /** The dialog was closed without confirming. */
    public void cancelled() {
        flow.cancelled();
    }

    // ---- Enabled state ----

    private void updateSelected() {
        PortRowViewModel row = selection.getValue();
        selectedSocket.set(row == null ? null : row.getSocket());
        updateEnabled();
    }

    private void updateEnabled() {
        PortRowViewModel row = selection.getValue();
        ListeningSocket s = selectedSocket.get();
        nothingSelected.set(s == null);
        pidUnknown.set(s == null || s.ownerHidden());
        String closed = row == null ? null : closedReason(row);

        // A container's port is freed by stopping the container, even when its forwarder is hidden.
        Container container = row == null || row.getLikelyOwner() == null ? null
                : row.getLikelyOwner().facts().container();
        killText.set(container == null ? Texts.get("action.button.kill")
                : Texts.get("action.button.stopContainer", Printable.of(container.displayName())));
        killMenuText.set(container == null ? Texts.get("action.menu.kill")
                : Texts.get("action.menu.stopContainer", Printable.of(container.displayName())));
        String killReason;
        if (s == null) {
            killReason = Texts.get("action.tip.select");
        } else if (closed != null) {
            killReason = Texts.get("action.tip.closed.kill", closed);
        } else if (container != null) {
            killReason = isBusy() ? Texts.get("action.tip.busy") : null;
        } else if (s.ownerHidden()) {
            killReason = HiddenOwnerRefusal.tip(s);
        } else if (isBusy()) {
            killReason = Texts.get("action.tip.busy");
        } else {
            killReason = refusedForEveryOwner(s).map(Refused::message).orElse(null);
        }
        killDisabled.set(killReason != null);
        killTip.set(killReason != null ? killReason : container != null ? containerTip(container, s) : killTip(s));

        String urlReason = s == null ? Texts.get("action.tip.select")
                : closed != null ? Texts.get("action.tip.closed.url", closed)
                : s.protocol() == Protocol.UDP ? Texts.get("action.tip.udp") : null;
        urlDisabled.set(urlReason != null);
        String url = urlReason == null ? services.urls().url(s).orElse("") : "";
        copyUrlTip.set(urlReason != null ? urlReason : Texts.get("action.tip.copyUrl", url));
        openTip.set(urlReason != null ? urlReason : Texts.get("action.tip.open", url));
    }

    /** Why a row's socket is not there to act on: it closed (at what time), or nothing listens on a pinned port. */
    private String closedReason(PortRowViewModel row) {
        if (row.isClosed()) {
            return Texts.get("action.tip.closedAt", CLOSED_AT.format(row.stateSince().atZone(zone)));
        }
        if (row.getState() == RowState.NOT_LISTENING) {
            return Texts.get("action.tip.notListening", String.valueOf(row.port()));
        }
        return null;
    }

    /** The terminator's refusal when it refuses every owner (pid 1 alone, Portside itself, …); else empty. */
    private Optional<Refused> refusedForEveryOwner(ListeningSocket s) {
        ProcessTerminator terminator = services.freer().terminator();
        Refused first = null;
        for (var owner : s.owners()) {
            Optional<Refused> refused = terminator.refusalFor(KillTarget.of(owner));
            if (refused.isEmpty()) {
                return Optional.empty();
            }
            first = first == null ? refused.get() : first;
        }
        return Optional.ofNullable(first);
    }

    private static String containerTip(Container c, ListeningSocket s) {
        return Texts.get("action.tip.stopContainer", c.engine(), Printable.of(c.displayName()), Printable.of(c.image()),
                String.valueOf(s.port()));
    }

    /** "End node (pid 4188), which holds port 3000": the owners that End would end (not pid 1 beside them). */
    private String killTip(ListeningSocket s) {
        ProcessTerminator terminator = services.freer().terminator();
        List<KillTarget> ending = s.owners().stream().map(KillTarget::of)
                .filter(t -> terminator.refusalFor(t).isEmpty()).toList();
        int others = ending.size() - 1;
        return others == 0 ? Texts.get("action.tip.kill", ending.get(0).label(), String.valueOf(s.port()))
                : Texts.get("action.tip.kill.shared", ending.get(0).label(), others, String.valueOf(s.port()));
    }
}
