package dev.portside.ui.settings;

import dev.portside.core.IpFamily;
import dev.portside.core.PortCategory;
import dev.portside.core.Protocol;
import dev.portside.ui.control.ControlViewModel;
import dev.portside.ui.filter.FilterToggles;
import dev.portside.ui.filter.ScopeFilter;
import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.theme.ThemeManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Moves {@link Settings} into the window and back: theme, interval, filter, watch list, table
 * columns and sort, window bounds and the table/detail split. Tolerant: a column or split that no
 * longer exists is skipped, a new column keeps its default place.
 */
public final class SettingsBinder {

    private SettingsBinder() {
    }

    // --- settings -> window ---

    /** Restores the view-model state (before the first poll). */
    public static void applyToModel(Settings s, MainViewModel model, ThemeChoice theme) {
        theme.restore(s.theme());
        model.control().intervalProperty().set(ControlViewModel.nearestInterval(Duration.ofMillis(s.pollIntervalMillis())));
        model.filter().setToggles(new FilterToggles(ids(s.protocols(), Protocol.class, Protocol::id),
                ids(s.families(), IpFamily.class, IpFamily::id), ids(s.categories(), PortCategory.class, PortCategory::id),
                ScopeFilter.byId(s.scope())));
        model.filter().textProperty().set(s.filterText());
        model.watch().setPinned(s.pinnedPorts());
        model.watch().notifyNewExposedProperty().set(s.notifyNewExposed());
        model.watch().systemNotificationsProperty().set(s.systemNotifications());
    }

    /** Restores column order, widths and sort order. */
    public static <R> void applyToTable(Settings s, TableView<R> table) {
        Map<String, TableColumn<R, ?>> byId = new HashMap<>();
        for (TableColumn<R, ?> c : table.getColumns()) {
            if (c.getId() != null) {
                byId.put(c.getId(), c);
            }
        }
        if (!s.columns().isEmpty()) {
            List<TableColumn<R, ?>> ordered = new ArrayList<>();
            for (Settings.Column saved : s.columns()) {
                TableColumn<R, ?> c = byId.get(saved.id());
                if (c != null && !ordered.contains(c)) {
                    c.setPrefWidth(saved.width());
                    ordered.add(c);
                }
            }
            // Columns the file does not know (added in a newer version, like What) come right after the
            // column they follow by default, so an upgrade shows them where a new user sees them.
            List<TableColumn<R, ?>> defaults = new ArrayList<>(table.getColumns());
            for (int i = 0; i < defaults.size(); i++) {
                TableColumn<R, ?> c = defaults.get(i);
                if (!ordered.contains(c)) {
                    int after = i == 0 ? -1 : ordered.indexOf(defaults.get(i - 1));
                    ordered.add(after < 0 ? ordered.size() : after + 1, c); // else at the end, as before
                }
            }
            table.getColumns().setAll(ordered);
        }
        if (!s.sortOrder().isEmpty()) {
            List<TableColumn<R, ?>> sort = new ArrayList<>();
            for (Settings.Sort saved : s.sortOrder()) {
                TableColumn<R, ?> c = byId.get(saved.id());
                if (c != null && c.isSortable() && !sort.contains(c)) {
                    c.setSortType(saved.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                    sort.add(c);
                }
            }
            if (!sort.isEmpty()) {
                table.getSortOrder().setAll(sort);
            }
        }
    }

    /**
     * Restores the window's bounds, moved onto a screen that exists now when they lie off the screens
     * (a monitor may have gone, the display may be smaller): see {@link WindowPlacement}.
     */
    public static void applyToStage(Settings s, Stage stage) {
        Settings.Window w = s.window();
        if (w == null) {
            return;
        }
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D bounds = WindowPlacement.place(new Rectangle2D(w.x(), w.y(), w.width(), w.height()), screens,
                Screen.getPrimary().getVisualBounds());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(w.maximized());
    }

    /** Restores the divider of the main split (table | detail), if the window has one. */
    public static void applyToSplit(Settings s, Parent root) {
        SplitPane split = findSplit(root);
        if (split != null && s.splitPosition() != null && !split.getDividers().isEmpty()) {
            split.setDividerPositions(s.splitPosition());
        }
    }

    // --- window -> settings ---

    /** Lets the autosave know of every change worth remembering. */
    public static <R> void watchForChanges(SettingsAutosave autosave, MainViewModel model, ThemeManager theme,
            ThemeChoice themeChoice, TableView<R> table, Stage stage, Parent root) {
        autosave.watch(theme.darkProperty(), themeChoice.followSystemProperty(), model.control().intervalProperty(),
                model.filter().textProperty(), model.filter().togglesProperty(), model.watch().pinnedPorts(),
                model.watch().notifyNewExposedProperty(), model.watch().systemNotificationsProperty(), table.getColumns(), table.getSortOrder(), stage.xProperty(),
                stage.yProperty(), stage.widthProperty(), stage.heightProperty(), stage.maximizedProperty());
        for (TableColumn<R, ?> c : table.getColumns()) {
            autosave.watch(c.widthProperty(), c.sortTypeProperty());
        }
        SplitPane split = findSplit(root);
        if (split != null && !split.getDividers().isEmpty()) {
            autosave.watch(split.getDividers().get(0).positionProperty());
        }
    }

    public static <R> Settings capture(MainViewModel model, ThemeChoice theme, TableView<R> table, Stage stage,
            Parent root) {
        FilterToggles t = model.filter().getToggles();
        List<Settings.Column> columns = new ArrayList<>();
        for (TableColumn<R, ?> c : table.getColumns()) {
            if (c.getId() != null) {
                columns.add(new Settings.Column(c.getId(), c.getWidth() > 0 ? c.getWidth() : c.getPrefWidth()));
            }
        }
        List<Settings.Sort> sort = new ArrayList<>();
        for (TableColumn<R, ?> c : table.getSortOrder()) {
            if (c.getId() != null) {
                sort.add(new Settings.Sort(c.getId(), c.getSortType() == TableColumn.SortType.ASCENDING));
            }
        }
        Settings.Window window = null;
        if (stage != null && stage.getWidth() > 0 && !Double.isNaN(stage.getX())) {
            window = new Settings.Window(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized());
        }
        SplitPane split = findSplit(root);
        Double splitPosition = split == null || split.getDividers().isEmpty() ? null
                : split.getDividers().get(0).getPosition();
        return new Settings(theme.mode(), model.control().intervalProperty().get().toMillis(),
                model.filter().textProperty().get(), t.protocols().stream().sorted().map(Protocol::id).toList(),
                t.families().stream().sorted().map(IpFamily::id).toList(),
                t.categories().stream().sorted().map(PortCategory::id).toList(), t.scope().id(),
                List.copyOf(model.watch().pinnedPorts()), model.watch().notifyNewExposedProperty().get(), columns, sort,
                window, splitPosition, model.watch().systemNotificationsProperty().get());
    }

    private static SplitPane findSplit(Node root) {
        if (root == null) {
            return null;
        }
        Node found = root.lookup("#mainSplit");
        if (!(found instanceof SplitPane)) {
            found = root.lookup(".split-pane");
        }
        return found instanceof SplitPane sp ? sp : null;
    }

    private static <E extends Enum<E>> Set<E> ids(List<String> ids, Class<E> type, java.util.function.Function<E, String> id) {
        Set<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if (ids.contains(id.apply(e))) {
                set.add(e);
            }
        }
        return set;
    }
}
