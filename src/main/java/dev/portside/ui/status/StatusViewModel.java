package dev.portside.ui.status;

import dev.portside.core.PortCategory;
import dev.portside.core.Snapshot;
import dev.portside.knowledge.Texts;
import dev.portside.scan.Scanners;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar's words: socket counts, the last change and the last scan, and the last error. */
public final class StatusViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(Texts.get("status.waiting"));
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper("");
    /** Not a property: it changes every poll, and a visible text that changes every second would
     *  make JavaFX lay out and repaint the window every second, which is most of an idle window's cost. */
    private String lastScan = "";
    private Snapshot previous;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scanner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scannerDetail = new ReadOnlyStringWrapper("");

    public StatusViewModel(ZoneId zone) {
        this.zone = zone;
    }

    public void onSnapshot(Snapshot snapshot) {
        Map<PortCategory, Integer> byCategory = snapshot.countByCategory();
        String text = Texts.get("status.counts", snapshot.sockets().size(), byCategory.get(PortCategory.WELL_KNOWN),
                byCategory.get(PortCategory.REGISTERED), byCategory.get(PortCategory.DYNAMIC));
        long hidden = snapshot.hiddenOwnerCount();
        if (hidden > 0) {
            text += " \u00b7 " + Texts.get("status.hidden", hidden);
        }
        counts.set(text);
        String at = TIME.format(snapshot.takenAt().atZone(zone));
        if (previous == null || (previous.sockets() != snapshot.sockets()
                && !previous.sockets().equals(snapshot.sockets()))) {
            lastChange.set(Texts.get("status.changed", at));
        }
        previous = snapshot;
        lastScan = Texts.get("status.scan", at, Math.max(0, snapshot.took().toMillis()));
        scanner.set(snapshot.scanner());
        Scanners.Choice choice = Scanners.lastChoice();
        scannerDetail.set(Texts.get("status.scanner.detail", snapshot.scanner(),
                choice != null && choice.scanner().equals(snapshot.scanner()) ? choice.reason() : snapshot.scanner()));
        error.set("");
    }

    public void onPollFailed(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        error.set(Texts.get("status.error", message));
    }

    /** "12 sockets: 3 well-known, …". */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** "Last change 13:02:11": when a socket last opened, closed or changed owner; still between changes. */
    public ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    /** "Last scan 13:02:15, took 4 ms.", read when the status bar's tooltip opens. */
    public String lastScan() {
        return lastScan;
    }

    /** The last poll's error in words, or "" when the last poll worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scannerProperty() {
        return scanner.getReadOnlyProperty();
    }

    /** The scanner in words with the reason it was chosen, for the status bar's tooltip. */
    public ReadOnlyStringProperty scannerDetailProperty() {
        return scannerDetail.getReadOnlyProperty();
    }
}
