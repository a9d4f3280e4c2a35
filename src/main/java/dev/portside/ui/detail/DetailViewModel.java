package dev.portside.ui.detail;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.PortCategory;
import dev.portside.core.ProcessExtras;
import dev.portside.core.ProcessInfo;
import dev.portside.core.SocketKey;
import dev.portside.knowledge.AddressExplanation;
import dev.portside.knowledge.Ages;
import dev.portside.knowledge.CheckCommand;
import dev.portside.knowledge.CheckCommands;
import dev.portside.knowledge.CommonProblem;
import dev.portside.knowledge.CommonProblems;
import dev.portside.knowledge.DevTool;
import dev.portside.knowledge.IanaService;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerCertainty;
import dev.portside.knowledge.Texts;
import dev.portside.owner.OwnerFacts;
import dev.portside.ui.ports.ClosedSelection;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.RowState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detail pane's state: follows the table's selection (and the selected row's socket, which polls
 * update in place) and explains the socket in words. What needs neither the OS nor the bundled data
 * is set at once; the rest (address look-up, IANA, owner inference, parent and folder) is composed
 * on the background executor and applied on the FX executor, newest request only. Text from the
 * system (names, command lines, paths, users, interface names) is shown escaped ({@link Printable}).
 */
public final class DetailViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DetailViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm");

    private final ObjectProperty<PortRowViewModel> selected;
    private final ObservableValue<ClosedSelection> closedSelection;
    private final DetailServices services;
    private final ChangeListener<ListeningSocket> socketListener = (o, was, now) -> show();
    private final ChangeListener<RowState> stateListener = (o, was, now) -> show();

    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper closedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper closedGone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper addressHeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper addressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exposed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper portHeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper portText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ianaText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usualToolsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ownerLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ownerSentence = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ownerDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OwnerCertainty> certainty = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper certaintyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ownerHidden = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper process = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper started = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper parent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper otherOwners = new ReadOnlyStringWrapper("");
    private final ObservableList<CheckCommand> commands = FXCollections.observableArrayList();
    private final ObservableList<CommonProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<CheckCommand> commandsView = FXCollections.unmodifiableObservableList(commands);
    private final ObservableList<CommonProblem> problemsView = FXCollections.unmodifiableObservableList(problems);

    /** The owner's container, service, project and (hidden) user, worked out with the rest. */
    private final OwnerFactsViewModel ownerFacts = new OwnerFactsViewModel();
    private PortRowViewModel watched;
    private SocketKey shownKey;
    private long generation;
    /** The owner as last put into words (with its facts) and its socket, to re-word its age; or null. */
    private LikelyOwner composedOwner;
    private ListeningSocket composedSocket;
    /** When the ages shown ("started 2 minutes ago") next change their words; null while none is shown. */
    private Instant agesChangeAt;

    public DetailViewModel(ObjectProperty<PortRowViewModel> selected, DetailServices services) {
        this(selected, new SimpleObjectProperty<>(), services);
    }

    /** @param closedSelection the chosen socket after its row went ({@code PortsViewModel.closedSelectionProperty()}) */
    public DetailViewModel(ObjectProperty<PortRowViewModel> selected, ObservableValue<ClosedSelection> closedSelection,
            DetailServices services) {
        this.selected = selected;
        this.closedSelection = closedSelection;
        this.services = services;
        selected.addListener((o, was, now) -> follow(now));
        closedSelection.addListener((o, was, now) -> show());
        follow(selected.get());
    }

    /**
     * A tick of the clock (the window calls it at each poll): once the minute, hour or day of a
     * shown age has turned, the ages ("started 2 minutes ago", in the facts and in the owner's
     * sentence) are put into words again from what is kept, without the OS or the background;
     * before that nothing changes, so an idle window repaints nothing.
     */
    public void tick() {
        if (agesChangeAt == null || services.clock().instant().isBefore(agesChangeAt)) {
            return;
        }
        PortRowViewModel row = selected.get();
        if (row == null || row.getState() == RowState.NOT_LISTENING) {
            agesChangeAt = null;
            return;
        }
        ListeningSocket socket = row.getSocket();
        started.set(socket.owner().flatMap(ProcessInfo::startTimeIfKnown).map(this::formatStart).orElse(""));
        if (composedOwner != null && composedSocket.key().equals(socket.key())) {
            LikelyOwner now = knowledgeByOurClock(services.knowledge().get())
                    .likelyOwner(composedSocket, composedOwner.facts());
            ownerSentence.set(Printable.of(now.sentence()));
        }
        scheduleAges(socket);
    }

    /** Ages are worded by the pane's clock, the one {@link #tick} compares with. */
    private Knowledge knowledgeByOurClock(Knowledge k) {
        return k.withClock(services.clock());
    }

    /** The next instant a shown age changes its words, or the day of a start time its format. */
    private void scheduleAges(ListeningSocket socket) {
        agesChangeAt = socket.owner().flatMap(ProcessInfo::startTimeIfKnown).map(start -> {
            Instant now = services.clock().instant();
            Instant midnight = LocalDate.ofInstant(now, services.zone()).plusDays(1).atStartOfDay(services.zone())
                    .toInstant();
            Instant next = Ages.nextChange(start, now);
            return next.isBefore(midnight) ? next : midnight;
        }).orElse(null);
    }

    private void follow(PortRowViewModel row) {
        if (watched != null) {
            watched.socketProperty().removeListener(socketListener);
            watched.stateProperty().removeListener(stateListener);
        }
        watched = row;
        if (row != null) {
            row.socketProperty().addListener(socketListener);
            row.stateProperty().addListener(stateListener);
        }
        show();
    }

    private void show() {
        PortRowViewModel row = selected.get();
        long request = ++generation;
        // A pinned port where nothing listens has no socket to explain.
        if (row == null || row.getState() == RowState.NOT_LISTENING) {
            shownKey = null;
            composedOwner = null;
            agesChangeAt = null;
            empty.set(true);
            loading.set(false);
            ClosedSelection closed = row == null ? closedSelection.getValue() : null;
            closedGone.set(closed != null);
            closedText.set(closed == null ? "" : Texts.get("detail.closed.gone",
                    closed.socket().protocol().label() + " " + closed.socket().endpoint(), clockTime(closed.closedAt()))
                    + " " + heldBy(closed.socket()));
            return;
        }
        closedGone.set(false);
        ListeningSocket socket = row.getSocket();
        // By the state this listener follows (the row's closed flag is set just after it).
        closedText.set(row.getState() == RowState.CLOSING
                ? Texts.get("detail.closed.lingering", clockTime(row.stateSince())) + " " + heldBy(socket) : "");
        if (!socket.key().equals(shownKey)) {
            clearComposed();
            shownKey = socket.key();
            loading.set(true);
        }
        applyImmediate(socket);
        scheduleAges(socket);
        empty.set(false);
        services.runner().run(() -> compose(socket), composed -> {
            if (request == generation) { // else the user moved on, or a newer poll asked again
                apply(composed);
                loading.set(false);
            }
        }, e -> {
            LOG.warn("Could not explain {}", socket.key(), e);
            if (request == generation) {
                String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ownerSentence.set(Printable.of(Texts.get("detail.error", problem)));
                loading.set(false);
            }
        });
    }

    /** What needs neither the OS nor the bundled data. */
    private void applyImmediate(ListeningSocket s) {
        title.set(Texts.get("detail.title", s.protocol().label(), s.endpoint()));
        PortCategory category = s.category();
        portHeadline.set(Texts.get("detail.port.headline", s.port(), Texts.get("category." + category.id()),
                Texts.get("category." + category.id() + ".range")));
        portText.set(Texts.get("detail.port." + category.id()));
        Optional<ProcessInfo> owner = s.owner();
        ownerHidden.set(owner.isEmpty());
        process.set(owner.map(p -> Texts.get("detail.process", Printable.of(p.displayName()), p.pid())).orElse(""));
        path.set(Printable.of(owner.map(ProcessInfo::path).orElse("")));
        commandLine.set(Printable.of(owner.map(ProcessInfo::commandLine).orElse("")));
        user.set(Printable.of(owner.map(ProcessInfo::user).orElse("")));
        started.set(owner.flatMap(ProcessInfo::startTimeIfKnown).map(this::formatStart).orElse(""));
        otherOwners.set(s.owners().stream().skip(1)
                .map(p -> Texts.get("detail.process", Printable.of(p.displayName()), p.pid()))
                .collect(Collectors.joining(", ")));
        setIfChanged(commands, CheckCommands.forSocket(s, services.os()));
        setIfChanged(problems, CommonProblems.forSocket(s).stream() // they name the process
                .map(p -> new CommonProblem(Printable.of(p.title()), Printable.of(p.text()))).toList());
        if (owner.isEmpty()) {
            parent.set("");
            folder.set("");
        } else if (owner.get().parentPid() <= 0) {
            parent.set("");
        } else if (parent.get().isEmpty()) {
            parent.set(Texts.get("detail.parent.pid", owner.get().parentPid()));
        }
    }

    /** Runs on the background executor: may block on the OS and on loading the bundled data. */
    private Composed compose(ListeningSocket s) {
        Knowledge knowledge = knowledgeByOurClock(services.knowledge().get());
        AddressExplanation address = services.addresses().explain(s);
        ProcessExtras extras = s.owner().map(p -> services.processes().read(p)).orElse(ProcessExtras.NONE);
        // What the owner really is (container, service, project): the owner package's facts, in words.
        OwnerFacts facts = services.owners().find(s);
        if (facts.workingDirectory().isEmpty() && !extras.workingDirectory().isEmpty()) {
            facts = facts.withWorkingDirectory(extras.workingDirectory());
        }
        LikelyOwner owner = knowledge.likelyOwner(s, facts);
        String ianaLine = knowledge.registryLine(s);
        List<DevTool> usual = knowledge.catalogue().usuallyOn(s.port());
        String tools = usual.isEmpty() ? "" : Texts.get("detail.catalogue.usual",
                usual.stream().map(DevTool::name).distinct().collect(Collectors.joining(", ")));
        String parentLine = s.owner().filter(p -> p.parentPid() > 0)
                .map(p -> extras.parentName().isEmpty() ? Texts.get("detail.parent.pid", p.parentPid())
                        : Texts.get("detail.process", extras.parentName(), p.parentPid()))
                .orElse("");
        return new Composed(s, knowledge.viewerIsRoot(), address, ianaLine, tools, owner, parentLine,
                facts.workingDirectory().isEmpty() ? extras.workingDirectory() : facts.workingDirectory());
    }

    private void apply(Composed c) {
        addressHeadline.set(Printable.of(c.address.headline()));
        addressText.set(Printable.of(c.address.text()));
        exposed.set(c.address.exposed());
        ianaText.set(c.iana);
        usualToolsText.set(c.usualTools);
        ownerLabel.set(Printable.of(c.owner.label()));
        ownerSentence.set(Printable.of(c.owner.sentence()));
        ownerDescription.set(Printable.of(c.owner.description()));
        certainty.set(c.owner.certainty());
        certaintyText.set(c.owner.certaintyText());
        ownerFacts.show(c.owner.facts(), c.socket, c.viewerIsRoot);
        parent.set(Printable.of(c.parent));
        folder.set(Printable.of(c.folder));
        composedOwner = c.owner;
        composedSocket = c.socket;
    }

    private void clearComposed() {
        composedOwner = null;
        ownerFacts.clear();
        for (ReadOnlyStringWrapper p : List.of(addressHeadline, addressText, ianaText, usualToolsText, ownerLabel,
                ownerSentence, ownerDescription, certaintyText, parent, folder)) {
            p.set("");
        }
        exposed.set(false);
        certainty.set(null);
    }

    /** "It was held by node (pid 4121)." */
    private static String heldBy(ListeningSocket s) {
        if (s.owners().isEmpty()) {
            return Texts.get("detail.closed.heldBy.hidden");
        }
        return Texts.get("detail.closed.heldBy", s.owners().stream()
                .map(p -> Texts.get("detail.process", Printable.of(p.displayName()), p.pid()))
                .collect(Collectors.joining(", ")));
    }

    /** "14:03:22", or "Mar 3, 14:03" on another day. */
    private String clockTime(Instant t) {
        var local = t.atZone(services.zone());
        return local.toLocalDate().equals(LocalDate.now(services.clock().withZone(services.zone())))
                ? TIME.format(local) : DATE_TIME.format(local);
    }

    private String formatStart(Instant start) {
        return Texts.get("detail.started", clockTime(start), Ages.ago(start, services.clock().instant()));
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }

    private record Composed(ListeningSocket socket, boolean viewerIsRoot, AddressExplanation address, String iana, String usualTools, LikelyOwner owner,
            String parent, String folder) {
    }

    // ---- Properties

    /** True while nothing is selected: the pane shows how to read the table. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /**
     * The chosen socket closed: while its row lingers, "This socket closed at 14:03:22. … It was held
     * by node (pid 4121)."; after its row went (nothing is selected then), which socket it was, when it
     * closed and who held it. "" otherwise.
     */
    public ReadOnlyStringProperty closedTextProperty() {
        return closedText.getReadOnlyProperty();
    }

    /** True when nothing is selected because the chosen socket closed and its row went. */
    public ReadOnlyBooleanProperty closedGoneProperty() {
        return closedGone.getReadOnlyProperty();
    }

    /** True until the explanations that need the OS or the bundled data have arrived. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "TCP 127.0.0.1:5173". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressHeadlineProperty() {
        return addressHeadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressTextProperty() {
        return addressText.getReadOnlyProperty();
    }

    /** True when other machines can connect (every interface, or a public address). */
    public ReadOnlyBooleanProperty exposedProperty() {
        return exposed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portHeadlineProperty() {
        return portHeadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portTextProperty() {
        return portText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ianaTextProperty() {
        return ianaText.getReadOnlyProperty();
    }

    /** "Developer tools that usually use it: …", or "". */
    public ReadOnlyStringProperty usualToolsTextProperty() {
        return usualToolsText.getReadOnlyProperty();
    }

    /** The likely owner's short name, e.g. "Vite dev server". */
    public ReadOnlyStringProperty ownerLabelProperty() {
        return ownerLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerSentenceProperty() {
        return ownerSentence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerDescriptionProperty() {
        return ownerDescription.getReadOnlyProperty();
    }

    /** How sure the likely owner is; null until known. */
    public ReadOnlyObjectProperty<OwnerCertainty> certaintyProperty() {
        return certainty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty certaintyTextProperty() {
        return certaintyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty ownerHiddenProperty() {
        return ownerHidden.getReadOnlyProperty();
    }

    /** "node (pid 4121)", or "" when hidden. */
    public ReadOnlyStringProperty processProperty() {
        return process.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commandLineProperty() {
        return commandLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    /** "13:02:11, 12 minutes ago". */
    public ReadOnlyStringProperty startedProperty() {
        return started.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parentProperty() {
        return parent.getReadOnlyProperty();
    }

    /** The owner's working folder, when the OS tells. */
    public ReadOnlyStringProperty folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** Other processes that share the socket, or "". */
    public ReadOnlyStringProperty otherOwnersProperty() {
        return otherOwners.getReadOnlyProperty();
    }

    /** Commands that show this socket without Portside, for this OS. */
    public ObservableList<CheckCommand> commands() {
        return commandsView;
    }

    public ObservableList<CommonProblem> problems() {
        return problemsView;
    }

    /** The owner's container, service, project and user (the owner package's facts). */
    public OwnerFactsViewModel ownerFacts() {
        return ownerFacts;
    }

    /** The selected row this pane explains, or null. */
    public PortRowViewModel selectedRow() {
        return selected.get();
    }
}
