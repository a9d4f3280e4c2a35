package dev.portside.ui.diagnose;

import dev.portside.core.Printable;
import dev.portside.diagnose.Finding;
import dev.portside.diagnose.FindingAction;
import dev.portside.diagnose.Severity;
import dev.portside.knowledge.Texts;
import java.util.List;

/** One finding as the pane shows it: its words, its buttons' labels. Getter-only. */
public final class FindingRowViewModel {

    private final Finding finding;

    FindingRowViewModel(Finding finding) {
        this.finding = finding;
    }

    public Finding finding() {
        return finding;
    }

    /** The stable code ("family-mismatch"), shown small beside the words. */
    public String code() {
        return finding.code().id();
    }

    public Severity severity() {
        return finding.severity();
    }

    /** "Problem", "OK", "Note": the severity in words (colour is never the only signal). */
    public String severityText() {
        return Texts.get("ui.diagnose.severity." + finding.severity().id());
    }

    public String message() {
        return finding.message();
    }

    /** "What to do: …", or "" when there is nothing to do. */
    public String action() {
        return finding.action().isEmpty() ? "" : Texts.get("why.action", finding.action());
    }

    public List<FindingAction> actions() {
        return finding.actions();
    }

    /** The button's words for an action: "Free port 3000…", "Open http://127.0.0.1:5174/", "Copy URL". */
    public static String label(FindingAction a) {
        return Texts.get("ui.diagnose.action." + a.kind().id(), a.value(), Printable.of(a.detail()));
    }
}
