package dev.portside.ui.filter;

import dev.portside.knowledge.Texts;
import dev.portside.ui.ports.PortsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * What the table says when it has no rows to show: still looking, nothing listening, nothing
 * matches the filter, or the scanner failed. Each is a clear screen with a way forward.
 */
public final class EmptyStateViewModel {

    /** The kinds of empty table. */
    public enum Kind {
        LOADING("loading"), NOTHING_LISTENING("nothing"), NO_MATCH("nomatch"), ERROR("error");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** Resource key part and CSS class suffix. */
        public String id() {
            return id;
        }
    }

    private final ObjectBinding<Kind> kind;
    private final StringBinding title;
    private final StringBinding hint;

    /**
     * @param error the last poll's error in words, "" when it worked (the status bar's)
     */
    public EmptyStateViewModel(PortsViewModel ports, FilterBarViewModel filter, ObservableValue<String> error) {
        kind = Bindings.createObjectBinding(() -> {
            String e = error.getValue();
            if (e != null && !e.isEmpty() && ports.rows().isEmpty()) {
                return Kind.ERROR;
            }
            if (!ports.loadedProperty().get()) {
                return Kind.LOADING;
            }
            return ports.rows().isEmpty() ? Kind.NOTHING_LISTENING : Kind.NO_MATCH;
        }, ports.rows(), ports.loadedProperty(), error);
        title = Bindings.createStringBinding(() -> Texts.get("empty." + kind.get().id() + ".title"), kind);
        hint = Bindings.createStringBinding(() -> switch (kind.get()) {
            case ERROR -> error.getValue();
            case NO_MATCH -> Texts.get("empty.nomatch.hint", filter.totalCountProperty().get());
            default -> Texts.get("empty." + kind.get().id() + ".hint");
        }, kind, error, filter.totalCountProperty());
    }

    public ObservableObjectValue<Kind> kindProperty() {
        return kind;
    }

    public Kind getKind() {
        return kind.get();
    }

    public ObservableStringValue titleProperty() {
        return title;
    }

    public ObservableStringValue hintProperty() {
        return hint;
    }
}
