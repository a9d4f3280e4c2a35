package dev.portside.ui.ports;

import dev.portside.core.IpAddress;
import dev.portside.core.PortCategory;
import dev.portside.core.Protocol;
import dev.portside.knowledge.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The live table of listening sockets ({@code #portTable}). Builds nodes and binds; no logic. */
public final class PortsView {

    public static final String TABLE_ID = "portTable";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm");

    private final PortsViewModel model;
    private final ZoneId zone;
    private final TableView<PortRowViewModel> table = new TableView<>();

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
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);

        TableColumn<PortRowViewModel, Protocol> protocol = column("column.protocol", r -> constant(r.protocol()), 90);
        protocol.setMinWidth(84);
        protocol.setCellFactory(c -> textCell(Protocol::label));
        TableColumn<PortRowViewModel, IpAddress> address =
                column("column.address", r -> constant(r.key().address()), 170);
        address.setCellFactory(c -> textCell(IpAddress::toString));
        TableColumn<PortRowViewModel, Integer> port = column("column.port", r -> constant(r.port()), 70);
        port.setCellFactory(c -> textCell(String::valueOf));
        port.setStyle("-fx-alignment: CENTER-RIGHT;");
        port.setMinWidth(64); // beside the detail pane the table is narrow; a port number never elides
        TableColumn<PortRowViewModel, PortCategory> category =
                column("column.category", r -> constant(r.category()), 120);
        category.setCellFactory(c -> new CategoryCell());
        TableColumn<PortRowViewModel, String> process = column("column.process", PortRowViewModel::processProperty, 200);
        process.setCellFactory(c -> new ProcessCell());
        TableColumn<PortRowViewModel, Integer> pid = column("column.pid", r -> r.pidProperty().asObject(), 80);
        pid.setCellFactory(c -> textCell(v -> v == PortRowViewModel.HIDDEN_PID ? "\u2014" : String.valueOf(v)));
        pid.setStyle("-fx-alignment: CENTER-RIGHT;");
        pid.setMinWidth(64);
        TableColumn<PortRowViewModel, String> user = column("column.user", PortRowViewModel::userProperty, 100);
        TableColumn<PortRowViewModel, Instant> since = column("column.since", r -> constant(r.firstSeen()), 90);
        since.setCellFactory(c -> textCell(this::formatSince));

        table.getColumns().setAll(java.util.List.of(protocol, address, port, category, process, pid, user, since));
        table.getSortOrder().add(port);

        SortedList<PortRowViewModel> sorted = new SortedList<>(model.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new CategoryRow());

        Label placeholder = new Label();
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.loadedProperty())
                .then(Texts.get("table.placeholder.empty")).otherwise(Texts.get("table.placeholder.loading")));
        table.setPlaceholder(placeholder);

        // The table writes the shared selection; the view model may clear it when the row goes away.
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            }
        });
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

    /** Carries exactly one category style class, so CSS colours the whole row. */
    private static final class CategoryRow extends TableRow<PortRowViewModel> {
        @Override
        protected void updateItem(PortRowViewModel item, boolean empty) {
            super.updateItem(item, empty);
            for (PortCategory c : PortCategory.values()) {
                getStyleClass().remove(c.styleClass());
            }
            if (!empty && item != null) {
                getStyleClass().add(item.category().styleClass());
            }
        }
    }

    /** The category in words, on a chip in the category's colour. */
    private static final class CategoryCell extends TableCell<PortRowViewModel, PortCategory> {
        private final Label chip = new Label();

        CategoryCell() {
            chip.getStyleClass().add("category-chip");
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(PortCategory item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            chip.setText(Texts.get("category." + item.id()));
            for (PortCategory c : PortCategory.values()) {
                chip.getStyleClass().remove("chip-" + c.id());
            }
            chip.getStyleClass().add("chip-" + item.id());
            setGraphic(chip);
            setTooltip(new Tooltip(Texts.get("category." + item.id() + ".legend")));
        }
    }

    /** The owner's name; a hidden owner in muted italics with an explanation. */
    private static final class ProcessCell extends TableCell<PortRowViewModel, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("owner-hidden");
            PortRowViewModel row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item);
            if (row.isOwnerHidden()) {
                getStyleClass().add("owner-hidden");
                setTooltip(new Tooltip(Texts.get("owner.hidden.tooltip")));
            } else if (row.getSocket().owners().size() > 1) {
                setTooltip(new Tooltip(Texts.get("owner.more.tooltip", row.getSocket().owners().size(),
                        row.ownerPids())));
            } else {
                String cmd = row.getSocket().owner().map(p -> p.commandLine()).orElse("");
                setTooltip(cmd.isEmpty() ? null : new Tooltip(cmd));
            }
        }
    }
}
