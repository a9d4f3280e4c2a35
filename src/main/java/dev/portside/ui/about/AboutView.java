package dev.portside.ui.about;

import dev.portside.core.BuildInfo;
import dev.portside.knowledge.Texts;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The About dialog: the icon, name, version, licence and a link to the project page. */
public final class AboutView {

    private final AboutViewModel model;
    private final Dialog<Void> dialog = new Dialog<>();

    public AboutView(AboutViewModel model) {
        this.model = model;
        build();
    }

    /**
     * The Help menu's "About Portside" item ({@code aboutItem}), which opens this dialog.
     *
     * @param owner    the window the dialog belongs to
     * @param openLink opens a web address in the browser
     */
    public static MenuItem menuItem(Supplier<Window> owner, Consumer<String> openLink) {
        MenuItem item = new MenuItem(Texts.get("about.menu"), new FontIcon(Feather.INFO));
        item.setId("aboutItem");
        item.setOnAction(e -> new AboutView(new AboutViewModel(BuildInfo.current(), openLink)).show(owner.get()));
        return item;
    }

    public Dialog<Void> dialog() {
        return dialog;
    }

    /** Shows the dialog over {@code owner} and returns at once (the user closes it). */
    public void show(Window owner) {
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        dialog.show();
    }

    private void build() {
        dialog.setTitle(Texts.get("about.title"));
        dialog.getDialogPane().setId("aboutDialog");
        dialog.getDialogPane().getStyleClass().add("about-dialog");
        var css = AboutView.class.getResource("/dev/portside/ui/portside.css");
        if (css != null) {
            dialog.getDialogPane().getStylesheets().add(css.toExternalForm());
        }

        Label name = new Label(Texts.get("app.title"));
        name.getStyleClass().add("about-name");
        Label description = new Label(Texts.get("about.description"));
        description.setWrapText(true);
        Label version = new Label();
        version.setId("aboutVersion");
        version.textProperty().bind(model.versionProperty());
        Label licence = new Label();
        licence.setId("aboutLicence");
        licence.setWrapText(true);
        licence.textProperty().bind(model.licenceProperty());
        Label runtime = new Label();
        runtime.setId("aboutRuntime");
        runtime.getStyleClass().add("about-muted");
        runtime.setWrapText(true);
        runtime.textProperty().bind(model.runtimeProperty());
        Hyperlink link = new Hyperlink();
        link.setId("aboutProjectLink");
        link.textProperty().bind(model.projectUrlProperty());
        link.setOnAction(e -> model.openProjectPage());
        Label linkIntro = new Label(Texts.get("about.project"));

        VBox text = new VBox(6, name, version, description, licence, linkIntro, link, runtime);
        text.setFillWidth(true);
        text.setPrefWidth(380);
        HBox content = new HBox(20, text);
        content.setPadding(new Insets(8, 4, 0, 4));
        content.setAlignment(Pos.TOP_LEFT);
        Image icon = AppIcons.sized(64);
        if (icon != null) {
            ImageView view = new ImageView(icon);
            view.setFitWidth(64);
            view.setFitHeight(64);
            content.getChildren().add(0, view);
        }
        dialog.getDialogPane().setContent(content);
        ButtonType close = new ButtonType(Texts.get("about.close"), ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        dialog.getDialogPane().lookupButton(close).setId("aboutCloseButton");
        // The dialog's own window shows the app icon too, once it exists.
        dialog.setOnShowing(e -> {
            if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) {
                stage.getIcons().setAll(AppIcons.all());
            }
        });
    }
}
