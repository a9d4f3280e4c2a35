package dev.portside.ui.filter;

import atlantafx.base.theme.Styles;
import dev.portside.knowledge.Texts;
import dev.portside.ui.filter.EmptyStateViewModel.Kind;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The table's placeholder: an icon, a sentence, a hint and, where it helps, one button. */
public final class EmptyStateView {

    public static final String ID = "emptyState";

    private final VBox box = new VBox(10);

    public EmptyStateView(EmptyStateViewModel model, Runnable clearFilter, Runnable retry) {
        box.setId(ID);
        box.getStyleClass().add("empty-state");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(520);

        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("empty-state-icon");
        Label title = new Label();
        title.setId("emptyStateTitle");
        title.getStyleClass().add("empty-state-title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Label hint = new Label();
        hint.setId("emptyStateHint");
        hint.getStyleClass().add("empty-state-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(model.hintProperty());

        Button clear = new Button(Texts.get("empty.nomatch.clear"), new FontIcon(Feather.X_CIRCLE));
        clear.setId("emptyClearFilterButton");
        clear.setOnAction(e -> clearFilter.run());
        Button again = new Button(Texts.get("empty.error.retry"), new FontIcon(Feather.REFRESH_CW));
        again.setId("emptyRetryButton");
        again.setOnAction(e -> retry.run());
        again.getStyleClass().add(Styles.ACCENT);

        box.getChildren().setAll(icon, title, hint, clear, again);
        Runnable show = () -> {
            Kind k = model.getKind();
            icon.setIconCode(switch (k) {
                case LOADING -> Feather.LOADER;
                case NOTHING_LISTENING -> Feather.MOON;
                case NO_MATCH -> Feather.FILTER;
                case ERROR -> Feather.ALERT_TRIANGLE;
            });
            for (Kind other : Kind.values()) {
                box.getStyleClass().remove("empty-" + other.id());
            }
            box.getStyleClass().add("empty-" + k.id());
            clear.setVisible(k == Kind.NO_MATCH);
            clear.setManaged(k == Kind.NO_MATCH);
            again.setVisible(k == Kind.ERROR);
            again.setManaged(k == Kind.ERROR);
        };
        model.kindProperty().addListener((o, was, now) -> show.run());
        show.run();
    }

    public VBox node() {
        return box;
    }
}
