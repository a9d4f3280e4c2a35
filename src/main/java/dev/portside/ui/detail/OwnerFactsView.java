package dev.portside.ui.detail;

import dev.portside.knowledge.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The owner's container, service and project in the detail pane ({@code #ownerFacts}), and the
 * command that stops a service for good with a copy button ({@code #serviceStopCommand}). Builds
 * nodes and binds; shows only what is known.
 */
final class OwnerFactsView {

    private final OwnerFactsViewModel model;

    OwnerFactsView(OwnerFactsViewModel model) {
        this.model = model;
    }

    Node node() {
        GridPane grid = DetailView.factGrid();
        grid.setId("ownerFacts");
        int row = 0;
        row = DetailView.fact(grid, row, "detail.fact.container", model.containerProperty(), false);
        row = DetailView.fact(grid, row, "detail.fact.containerPort", model.containerPortProperty(), false);
        row = DetailView.fact(grid, row, "detail.fact.service", model.serviceProperty(), false);
        row = DetailView.fact(grid, row, "detail.fact.project", model.projectProperty(), false);
        DetailView.fact(grid, row, "detail.fact.socketUser", model.socketUserProperty(), false);

        Label stopName = new Label(Texts.get("detail.fact.stopService"));
        stopName.getStyleClass().add("detail-fact-name");
        Label command = new Label();
        command.setId("serviceStopCommand");
        command.textProperty().bind(model.serviceStopProperty());
        command.getStyleClass().addAll("detail-code", "detail-command");
        command.setWrapText(true);
        command.setMinWidth(0);
        HBox.setHgrow(command, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId("copyServiceStopButton");
        copy.getStyleClass().addAll("button-icon", "detail-copy");
        copy.setTooltip(new Tooltip(Texts.get("detail.copy.tooltip")));
        copy.setAccessibleText(Texts.get("detail.copy"));
        copy.setOnAction(e -> DetailView.copy(copy, model.serviceStopProperty().get()));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox stop = new HBox(6, command, copy);
        stop.setAlignment(Pos.CENTER_LEFT);
        VBox stopBox = new VBox(4, stopName, stop);
        stopBox.visibleProperty().bind(Bindings.isNotEmpty(model.serviceStopProperty()));
        stopBox.managedProperty().bind(stopBox.visibleProperty());

        VBox box = new VBox(8, grid, stopBox);
        box.setId("ownerFactsBox");
        box.visibleProperty().bind(Bindings.isNotEmpty(model.containerProperty())
                .or(Bindings.isNotEmpty(model.serviceProperty())).or(Bindings.isNotEmpty(model.projectProperty()))
                .or(Bindings.isNotEmpty(model.socketUserProperty())));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
