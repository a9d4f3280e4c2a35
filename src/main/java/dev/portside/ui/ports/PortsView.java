package dev.portside.ui.ports;

import dev.portside.ui.FirstFrame;
import dev.portside.core.IpAddress;
import dev.portside.core.PortCategory;
import dev.portside.core.Printable;
import dev.portside.core.Protocol;
import dev.portside.knowledge.HiddenOwners;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import javafx.util.Duration;

/** The live table of listening sockets ({@code #portTable}). Builds nodes and binds; no logic. */
public final class PortsView {

    public static final String TABLE_ID = "portTable";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm");

    private final PortsViewModel model;
    private final ZoneId zone;
    private final TableView<PortRowViewModel> table = new TableView<>();
    /** True while a change of the rows is being reported to the table. */
    private boolean rowsChanging;

    public PortsView(PortsViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        build();
    }

    public TableView<PortRowViewModel> node() {
        return table;
    }

    private void build() {
        table.setId(TABLE_ID);
        table.getStyleClass().add("port-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);

        // Default widths for a table beside the detail pane (about 915 px in the default 1360 px window): the What
        // column gets what the table gains and is the last to give up width (FlexColumnResize).
        TableColumn<PortRowViewModel, Protocol> protocol = column("column.protocol", r -> constant(r.protocol()), 88);
        protocol.setMinWidth(88); // "Protocol" in bold, not "Proto…"
        protocol.setCellFactory(c -> notListeningAware(Protocol::label));
        TableColumn<PortRowViewModel, IpAddress> address =
                column("column.address", r -> constant(r.key().address()), 130);
        address.setCellFactory(c -> notListeningAware(IpAddress::toString));
        TableColumn<PortRowViewModel, Integer> port = column("column.port", r -> constant(r.port()), 70);
        port.setCellFactory(c -> new PortCell());
        port.setStyle("-fx-alignment: CENTER-RIGHT;");
        port.setMinWidth(84); // beside the detail pane the table is narrow; a port number (and the watch eye) never elides
        TableColumn<PortRowViewModel, PortCategory> category =
                column("column.category", r -> constant(r.category()), 120);
        category.setMinWidth(114); // the chip says the range in words; never "Regis…" nor "Well-kno…"
        category.setCellFactory(c -> new CategoryCell());
        TableColumn<PortRowViewModel, String> process = column("column.process", PortRowViewModel::processProperty, 120);
        process.setCellFactory(c -> new ProcessCell());
        // What it most likely is: recognised in plain text, a guess from the port in italics (owner package).
        TableColumn<PortRowViewModel, String> what = column("column.what", PortRowViewModel::whatProperty, 220);
        what.setCellFactory(c -> new WhatCell(model));
        what.setMinWidth(140);
        TableColumn<PortRowViewModel, Integer> pid = column("column.pid", r -> r.pidProperty().asObject(), 72);
        pid.setCellFactory(c -> textCell(v -> v == PortRowViewModel.HIDDEN_PID ? "\u2014" : String.valueOf(v)));
        pid.setStyle("-fx-alignment: CENTER-RIGHT;");
        pid.setMinWidth(60);
        TableColumn<PortRowViewModel, String> user = column("column.user", PortRowViewModel::userProperty, 80);
        TableColumn<PortRowViewModel, Instant> since = column("column.since", r -> constant(r.firstSeen()), 90);
        since.setMinWidth(84); // "11:11:52" in full
        // Below these the table scrolls sideways rather than eliding every value to "…".
        address.setMinWidth(96);
        process.setMinWidth(108); // "redis-server", "docker-proxy" in full
        user.setMinWidth(76); // "postgres", "nobody" in full
        // The constrained policy fills the width but never scrolls: when the table is narrower than
        // its columns' minimums (a narrow window beside the detail pane), let it scroll sideways.
        FlexColumnResize fill = new FlexColumnResize(what);
        table.setColumnResizePolicy(fill);
        table.widthProperty().addListener((o, was, now) -> {
            double needed = table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 20;
            @SuppressWarnings("rawtypes")
            Callback<TableView.ResizeFeatures, Boolean> policy = now.doubleValue() < needed
                    ? TableView.UNCONSTRAINED_RESIZE_POLICY : fill;
            if (table.getColumnResizePolicy() != policy) {
                table.setColumnResizePolicy(policy);
                if (policy == TableView.UNCONSTRAINED_RESIZE_POLICY) {
                    // Scrolling sideways now: the columns the fill squeezed to their minimum (What
                    // among them) get their own widths back, the default or the user's saved one.
                    for (TableColumn<PortRowViewModel, ?> c : table.getColumns()) {
                        if (c.getWidth() < c.getPrefWidth()) {
                            table.resizeColumn(c, c.getPrefWidth() - c.getWidth());
                        }
                    }
                }
            }
        });
        since.setCellFactory(c -> textCell(this::formatSince));

        table.getColumns().setAll(List.of(protocol, address, port, category, what, process, pid, user, since));
        table.getSortOrder().add(port);

        // Sorted by our own list (see SortedRows): it follows the table's comparator, so the
        // default policy, which only knows JavaFX's SortedList, is replaced by one that accepts it.
        SortedRows<PortRowViewModel> sorted = new SortedRows<>(model.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setSortPolicy(t -> true);
        table.setItems(sorted);
        table.setRowFactory(t -> new CategoryRow());

        Label placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.loadedProperty())
                .then(Texts.get("table.placeholder.empty")).otherwise(Texts.get("table.placeholder.loading")));
        table.setPlaceholder(placeholder);

        // Moves change highlighting along even while polling is paused; runs only while a row is
        // highlighted, since any running animation keeps JavaFX pulsing (and repainting) at 60 Hz.
        Timeline ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        model.highlightingProperty().addListener((o, was, now) -> {
            if (now) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });

        // The table writes the shared selection when the user chooses; the view model may clear it.
        // While a change of the rows reaches the table, its selection model may move the selection
        // to a neighbour of a row that went: that is ignored, and the view model's choice put back.
        sorted.aroundChanges(() -> rowsChanging = true, () -> {
            rowsChanging = false;
            showChosen();
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!rowsChanging) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> showChosen());
    }

    /** The table's one context menu ({@code #portContextMenu}), made on first use: each part adds its items to it. */
    public static ContextMenu contextMenu(TableView<PortRowViewModel> table) {
        ContextMenu menu = table.getContextMenu();
        if (menu == null) {
            menu = new ContextMenu();
            menu.setId("portContextMenu");
            table.setContextMenu(menu);
        }
        return menu;
    }

    /** Makes the table show the view model's choice (or none). */
    private void showChosen() {
        PortRowViewModel chosen = model.selectedProperty().get();
        var selection = table.getSelectionModel();
        if (chosen == null) {
            if (!selection.isEmpty() || selection.getSelectedItem() != null) {
                selection.clearSelection();
            }
        } else if (selection.getSelectedItem() != chosen || selection.getSelectedIndex() < 0) {
            selection.select(chosen);
        }
    }

    private static final List<String> CATEGORY_CLASSES =
            Arrays.stream(PortCategory.values()).map(PortCategory::styleClass).toList();
    private static final List<String> CHIP_CLASSES =
            Arrays.stream(PortCategory.values()).map(c -> "chip-" + c.id()).toList();
    private static final List<String> STATE_CLASSES =
            Arrays.stream(RowState.values()).map(RowState::styleClass).filter(c -> !c.isEmpty()).toList();
    private static final List<String> OWNER_CLASSES = List.of("owner-hidden", "not-listening");

    /**
     * Leaves exactly {@code wanted} (or none) of a family of style classes, touching the list only
     * when that changes: every change of a row's style classes makes JavaFX style the whole row and
     * its cells again, and a poll re-shows every visible row.
     */
    static void styleOnly(List<String> classes, List<String> family, String wanted) {
        for (String c : family) {
            if (!c.equals(wanted) && classes.contains(c)) {
                classes.remove(c);
            }
        }
        if (wanted != null && !classes.contains(wanted)) {
            classes.add(wanted);
        }
    }

    private String formatSince(Instant seen) {
        var local = seen.atZone(zone);
        return local.toLocalDate().equals(LocalDate.now(zone)) ? TIME.format(local) : DATE_TIME.format(local);
    }

    private static <T> TableColumn<PortRowViewModel, T> column(String key,
            Function<PortRowViewModel, ObservableValue<T>> value, double width) {
        TableColumn<PortRowViewModel, T> c = new TableColumn<>(Texts.get(key));
        c.setId(key.substring("column.".length()) + "Column");
        c.setCellValueFactory(features -> value.apply(features.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private static <T> TableCell<PortRowViewModel, T> textCell(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }

    /** Text of a value; a dash for a pinned port where nothing listens (it has no protocol or address). */
    private static <T> TableCell<PortRowViewModel, T> notListeningAware(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                PortRowViewModel row = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || item == null ? null
                        : row != null && row.getState() == RowState.NOT_LISTENING ? "\u2014" : format.apply(item));
            }
        };
    }

    /**
     * Carries exactly one category style class, so CSS colours the whole row, and the style class
     * of its state (row-new, row-closing, row-not-listening) and row-pinned, kept up to date.
     */
    private static final class CategoryRow extends TableRow<PortRowViewModel> {
        private final javafx.beans.InvalidationListener restyle = o -> styleState();
        private PortRowViewModel watched;

        @Override
        protected void updateItem(PortRowViewModel item, boolean empty) {
            super.updateItem(item, empty);
            styleOnly(getStyleClass(), CATEGORY_CLASSES, empty || item == null ? null : item.category().styleClass());
            PortRowViewModel now = empty ? null : item;
            if (now != watched) {
                if (watched != null) {
                    watched.stateProperty().removeListener(restyle);
                    watched.pinnedProperty().removeListener(restyle);
                }
                watched = now;
                if (watched != null) {
                    watched.stateProperty().addListener(restyle);
                    watched.pinnedProperty().addListener(restyle);
                }
            }
            styleState();
        }

        private void styleState() {
            String state = watched == null ? "" : watched.getState().styleClass();
            styleOnly(getStyleClass(), STATE_CLASSES, state.isEmpty() ? null : state);
            styleOnly(getStyleClass(), List.of("row-pinned"), watched != null && watched.isPinned() ? "row-pinned" : null);
        }
    }

    /** The port number, with an eye when the port is on the watch list. */
    private static final class PortCell extends TableCell<PortRowViewModel, Integer> {
        private final javafx.beans.InvalidationListener repaint = o -> paint();
        private PortRowViewModel watched;

        PortCell() {
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            PortRowViewModel now = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (now != watched) {
                if (watched != null) {
                    watched.pinnedProperty().removeListener(repaint);
                }
                watched = now;
                if (watched != null) {
                    watched.pinnedProperty().addListener(repaint);
                }
            }
            setText(empty || item == null ? null : String.valueOf(item));
            paint();
        }

        private void paint() {
            if (watched != null && watched.isPinned() && !isEmpty()) {
                org.kordamp.ikonli.javafx.FontIcon eye =
                        new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.EYE);
                eye.getStyleClass().add("pin-icon");
                eye.setIconSize(12);
                setGraphic(eye);
                setTooltip(new Tooltip(Texts.get("watch.pinned.tooltip")));
            } else {
                setGraphic(null);
                setTooltip(null);
            }
        }
    }

    /**
     * A cell's one tooltip, re-worded at each update (a new Tooltip per update is slow at 10,000
     * rows), made when first needed and not before the window's first frame ({@link FirstFrame}).
     */
    private static final class CellTip {
        private final TableCell<?, ?> cell;
        private final Supplier<Tooltip> make;
        private Tooltip tip;
        /** The words wanted; null: no tooltip. */
        private String words;
        private boolean waiting;

        CellTip(TableCell<?, ?> cell, Supplier<Tooltip> make) {
            this.cell = cell;
            this.make = make;
        }

        void show(String words) {
            this.words = words;
            if (words == null) {
                cell.setTooltip(null);
                return;
            }
            if (FirstFrame.holding()) {
                if (!waiting) {
                    waiting = true;
                    FirstFrame.later(() -> {
                        waiting = false;
                        show(this.words);
                    });
                }
                return;
            }
            if (tip == null) {
                tip = make.get();
            }
            tip.setText(words);
            cell.setTooltip(tip);
        }
    }

    /** The category in words, on a chip in the category's colour. */
    private static final class CategoryCell extends TableCell<PortRowViewModel, PortCategory> {
        private final Label chip = new Label();
        private final CellTip tip = new CellTip(this, Tooltip::new);

        CategoryCell() {
            chip.getStyleClass().add("category-chip");
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(PortCategory item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                tip.show(null);
                return;
            }
            chip.setText(Texts.get("category." + item.id()));
            styleOnly(chip.getStyleClass(), CHIP_CLASSES, "chip-" + item.id());
            setGraphic(chip);
            tip.show(Texts.get("category." + item.id() + ".legend"));
        }
    }

    /** The owner's name; a hidden owner in muted italics with an explanation. */
    private static final class ProcessCell extends TableCell<PortRowViewModel, String> {
        private final CellTip tip = new CellTip(this, Tooltip::new);

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            PortRowViewModel row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null || row == null) {
                styleOnly(getStyleClass(), OWNER_CLASSES, null);
                setText(null);
                tip.show(null);
                return;
            }
            setText(item);
            boolean notListening = row.getState() == RowState.NOT_LISTENING;
            styleOnly(getStyleClass(), OWNER_CLASSES,
                    notListening ? "not-listening" : row.isOwnerHidden() ? "owner-hidden" : null);
            if (notListening) {
                tip.show(Texts.get("watch.notListening.tooltip", row.port()));
            } else if (row.isOwnerHidden()) {
                tip.show(HiddenOwners.tooltip(row.getSocket().user()));
            } else if (row.getSocket().owners().size() > 1) {
                tip.show(Texts.get("owner.more.tooltip", row.getSocket().owners().size(), row.ownerPids()));
            } else {
                String cmd = row.commandLineShown();
                tip.show(cmd.isEmpty() ? null : cmd);
            }
        }
    }

    private static final List<String> WHAT_CLASSES = List.of("what-guess", "what-unknown");

    /**
     * The likely owner's label: plain when recognised, in italics when only guessed from the port,
     * muted when unknown; the tooltip says which, in words, with the explanation.
     */
    private static final class WhatCell extends TableCell<PortRowViewModel, String> {
        private final CellTip tip;

        WhatCell(PortsViewModel model) {
            tip = new CellTip(this, () -> {
                Tooltip t = new Tooltip();
                t.setWrapText(true);
                t.setMaxWidth(480);
                // The words say how long ago the process started: put them together when shown, not when
                // the row was described (from the kept facts, without reading the OS again).
                t.setOnShowing(e -> {
                    PortRowViewModel row = getTableRow() == null ? null : getTableRow().getItem();
                    if (row != null && row.getLikelyOwner() != null) {
                        t.setText(model.whatTooltip(row));
                    }
                });
                return t;
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            PortRowViewModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
            LikelyOwner owner = row == null ? null : row.getLikelyOwner();
            if (empty || owner == null || item == null || item.isEmpty()) {
                styleOnly(getStyleClass(), WHAT_CLASSES, null);
                setText(null);
                tip.show(null);
                setAccessibleText(null);
                return;
            }
            String label = Printable.of(item);
            setText(label);
            switch (owner.certainty()) {
                case GUESSED_FROM_PORT -> {
                    styleOnly(getStyleClass(), WHAT_CLASSES, "what-guess");
                    setAccessibleText(Texts.get("what.guess.accessible", label));
                }
                case UNKNOWN -> {
                    styleOnly(getStyleClass(), WHAT_CLASSES, "what-unknown");
                    setAccessibleText(label);
                }
                default -> {
                    styleOnly(getStyleClass(), WHAT_CLASSES, null);
                    setAccessibleText(label);
                }
            }
            tip.show(PortsViewModel.whatTooltip(owner));
        }
    }
}
