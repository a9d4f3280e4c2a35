package dev.portside.ui.filter;

import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.PortCategory;
import dev.portside.core.Protocol;
import dev.portside.knowledge.Texts;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsViewModel;
import dev.portside.ui.ports.RowState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;

/**
 * The state of the filter bar: the search text, the on/off toggles and the reach choice. Turns
 * them into the table's predicate and counts what is shown.
 */
public final class FilterBarViewModel {

    private static final Function<ListeningSocket, String> NO_LABEL = s -> "";

    private final StringProperty text = new SimpleStringProperty("");
    private final Map<Protocol, BooleanProperty> protocols = new EnumMap<>(Protocol.class);
    private final Map<IpFamily, BooleanProperty> families = new EnumMap<>(IpFamily.class);
    private final Map<PortCategory, BooleanProperty> categories = new EnumMap<>(PortCategory.class);
    private final ObjectProperty<ScopeFilter> scope = new SimpleObjectProperty<>(ScopeFilter.ALL);
    private final ObjectProperty<Function<ListeningSocket, String>> ownerLabel = new SimpleObjectProperty<>(NO_LABEL);
    private final Map<ListeningSocket, String> labels = new java.util.WeakHashMap<>();

    private final ObjectBinding<FilterQuery> query;
    private final ObjectBinding<FilterToggles> toggles;
    private final ObjectBinding<Predicate<PortRowViewModel>> predicate;
    private final IntegerBinding shownCount;
    private final IntegerBinding totalCount;
    private final StringBinding countText;
    private final IntegerBinding closingCount;
    private final javafx.beans.binding.BooleanBinding active;

    public FilterBarViewModel(PortsViewModel ports) {
        for (Protocol p : Protocol.values()) {
            protocols.put(p, new SimpleBooleanProperty(true));
        }
        for (IpFamily f : IpFamily.values()) {
            families.put(f, new SimpleBooleanProperty(true));
        }
        for (PortCategory c : PortCategory.values()) {
            categories.put(c, new SimpleBooleanProperty(true));
        }
        query = Bindings.createObjectBinding(() -> FilterQuery.parse(text.get()), text);
        List<javafx.beans.Observable> toggleDeps = new java.util.ArrayList<>();
        toggleDeps.addAll(protocols.values());
        toggleDeps.addAll(families.values());
        toggleDeps.addAll(categories.values());
        toggleDeps.add(scope);
        toggles = Bindings.createObjectBinding(this::currentToggles, toggleDeps.toArray(javafx.beans.Observable[]::new));
        predicate = Bindings.createObjectBinding(() -> rowPredicate(query.get(), toggles.get(), this::cachedLabel),
                query, toggles, ownerLabel);
        ports.filterProperty().bind(predicate);

        ObservableList<PortRowViewModel> shown = ports.shownRows();
        ObservableList<PortRowViewModel> all = ports.rows();
        shownCount = Bindings.createIntegerBinding(() -> countListening(shown), shown);
        totalCount = Bindings.createIntegerBinding(() -> countListening(all), all);
        active = Bindings.createBooleanBinding(() -> !query.get().isEmpty() || !toggles.get().isAll(), query, toggles);
        // A closed socket's row lingers (struck through) for a moment, the chosen one until the choice
        // moves: it is on screen, so the count says so rather than "0 of 13 shown" above it.
        closingCount = Bindings.createIntegerBinding(() -> countClosing(shown), shown);
        countText = Bindings.createStringBinding(() -> {
            String count = active.get() ? Texts.get("filter.count.filtered", shownCount.get(), totalCount.get())
                    : Texts.get("filter.count.all", totalCount.get());
            return closingCount.get() == 0 ? count : Texts.get("filter.count.closing", count, closingCount.get());
        }, shownCount, totalCount, closingCount, active);
    }

    /** Owner inference is not free: each socket's label is worked out once (an unknown one is asked again). */
    private String cachedLabel(ListeningSocket s) {
        String label = labels.get(s);
        if (label == null) {
            label = FilterQuery.safeLabel(ownerLabel.get(), s);
            if (!label.isEmpty()) {
                labels.put(s, label);
            }
        }
        return label;
    }

    private static int countClosing(List<PortRowViewModel> rows) {
        int n = 0;
        for (PortRowViewModel r : rows) {
            if (r.isClosed()) {
                n++;
            }
        }
        return n;
    }

    private static int countListening(List<PortRowViewModel> rows) {
        int n = 0;
        for (PortRowViewModel r : rows) {
            if (r.isListening()) {
                n++;
            }
        }
        return n;
    }

    private FilterToggles currentToggles() {
        return new FilterToggles(selected(protocols, Protocol.class), selected(families, IpFamily.class),
                selected(categories, PortCategory.class), scope.get());
    }

    private static <E extends Enum<E>> Set<E> selected(Map<E, BooleanProperty> map, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        map.forEach((k, v) -> {
            if (v.get()) {
                set.add(k);
            }
        });
        return set;
    }

    /** The table's predicate: a pinned port where nothing listens can only match by its number. */
    static Predicate<PortRowViewModel> rowPredicate(FilterQuery query, FilterToggles toggles,
            Function<ListeningSocket, String> ownerLabel) {
        if (query.isEmpty() && toggles.isAll()) {
            return row -> true;
        }
        return row -> {
            if (row.getState() == RowState.NOT_LISTENING) {
                return toggles.testPort(row.port()) && query.testPort(row.port());
            }
            ListeningSocket s = row.getSocket();
            return toggles.test(s) && query.test(s, FilterQuery.safeLabel(ownerLabel, s));
        };
    }

    /** Shows everything again. */
    public void clear() {
        text.set("");
        resetToggles();
    }

    public void resetToggles() {
        protocols.values().forEach(p -> p.set(true));
        families.values().forEach(p -> p.set(true));
        categories.values().forEach(p -> p.set(true));
        scope.set(ScopeFilter.ALL);
    }

    /** Sets every toggle at once (restoring settings). */
    public void setToggles(FilterToggles t) {
        protocols.forEach((k, v) -> v.set(t.protocols().contains(k)));
        families.forEach((k, v) -> v.set(t.families().contains(k)));
        categories.forEach((k, v) -> v.set(t.categories().contains(k)));
        scope.set(t.scope());
    }

    // --- properties ---

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty protocolProperty(Protocol p) {
        return protocols.get(p);
    }

    public BooleanProperty familyProperty(IpFamily f) {
        return families.get(f);
    }

    public BooleanProperty categoryProperty(PortCategory c) {
        return categories.get(c);
    }

    public ObjectProperty<ScopeFilter> scopeProperty() {
        return scope;
    }

    /**
     * How to name a socket's likely owner (e.g. "PostgreSQL"), so the search finds it; "" when
     * unknown. The default knows nothing.
     */
    public void setOwnerLabel(Function<ListeningSocket, String> label) {
        labels.clear();
        ownerLabel.set(label == null ? NO_LABEL : label);
    }

    public ObservableObjectValue<FilterToggles> togglesProperty() {
        return toggles;
    }

    public FilterToggles getToggles() {
        return toggles.get();
    }

    public ObservableObjectValue<FilterQuery> queryProperty() {
        return query;
    }

    /** Listening sockets that pass the filter. */
    public ObservableIntegerValue shownCountProperty() {
        return shownCount;
    }

    /** Every listening socket. */
    public ObservableIntegerValue totalCountProperty() {
        return totalCount;
    }

    /** "12 of 40 shown", or "40 listening" when nothing is filtered; "…, 1 closing" while a closed row lingers. */
    public ObservableStringValue countTextProperty() {
        return countText;
    }

    /** True when the text or any toggle hides something. */
    public ObservableBooleanValue activeProperty() {
        return active;
    }

    public boolean isActive() {
        return active.get();
    }
}
