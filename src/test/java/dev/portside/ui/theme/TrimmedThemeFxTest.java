package dev.portside.ui.theme;

import static dev.portside.testing.FakeScanner.tcp;
import static dev.portside.testing.FakeScanner.udp;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.portside.PortsideApp;
import dev.portside.action.KillPlan;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.testing.FakeScanner;
import dev.portside.ui.actions.KillDialogView;
import dev.portside.ui.actions.KillDialogViewModel;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.effect.DropShadow;
import javafx.scene.effect.Effect;
import javafx.scene.effect.InnerShadow;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trimmed themes ({@link CompiledTheme}) look exactly as AtlantaFX's own: the window with a row
 * chosen, its menus, the interval list, the table's context menu, a diagnosis, the watch list, the
 * shortcuts sheet, the About box and the confirmation of an end are each styled with the full and
 * the trimmed Primer, light and dark, and every styleable property of every node must have the same
 * value. No node of them carries a style class the trimmed theme dropped.
 */
@ExtendWith(ApplicationExtension.class)
class TrimmedThemeFxTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path settingsDir;

    private final FakeScanner scanner = new FakeScanner();
    private PortsideApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        scanner.set(tcp("127.0.0.1", 3000, 4242, "node"), tcp("0.0.0.0", 5432, 777, "postgres"),
                udp("::1", 53, 55, "dnsmasq"), tcp("0.0.0.0", 80, 1, "nginx"), tcp("::", 50123, 99, "java"),
                tcp("0.0.0.0", 2024, 0, "hidden"));
        PortsideApp.useScanner(() -> scanner);
        PortsideApp.useSettings(() -> new SettingsStore(settingsDir));
        PortsideApp.useNotifier(w -> (title, text) -> { });
        app = new PortsideApp();
        app.start(stage);
        // the shared stage keeps the size another test gave it (KillDialogViewFxTest: 400 x 300);
        // the app's own stage starts at its scene's size
        stage.sizeToScene();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            app.stop();
            stage.close();
        });
        PortsideApp.useSettings(SettingsStore::inDefaultDirectory);
        PortsideApp.useSystemNotifier();
    }

    @Test
    void everyNodeOfEveryWindowHasTheSameStyleWithTheTrimmedTheme(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<PortRowViewModel> table = (TableView<PortRowViewModel>) robot.lookup("#portTable").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#detailKillButton").tryQuery().isPresent());

        robot.clickOn("#pauseButton"); // no poll changes the nodes between the two stylings
        robot.clickOn("#diagnoseField").write("3000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".finding-card").tryQuery().isPresent());
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#watchPortField").tryQuery().isPresent());
        robot.interact(() -> {
            ProcessInfo owner = new ProcessInfo(612, "avahi-daemon", "", "avahi-daemon: running", "avahi", T0, 1);
            KillPlan plan = KillPlan.forSocket(new ListeningSocket(Protocol.UDP, IpFamily.IPV4, IpAddress.IPV4_ANY,
                    5353, List.of(owner)));
            new KillDialogView(new KillDialogViewModel(plan, Map.of(), null, 3, true, ZoneId.of("UTC")), stage)
                    .show(options -> { }, () -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(table::requestFocus); // no blinking caret in a text field
        // last: another window taking the focus closes it
        robot.interact(() -> table.getContextMenu().show(table, stage.getX() + 100, stage.getY() + 200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#confirmKillButton").tryQuery()).as("the confirmation").isPresent();
        assertThat(robot.lookup("#watchPortField").tryQuery()).as("the watch list").isPresent();
        assertThat(robot.lookup(".context-menu").tryQuery()).as("the context menu").isPresent();

        for (boolean dark : new boolean[] {false, true}) {
            String full = dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
            // Once with the full theme before: the first restyling after a change of theme leaves the
            // text of labels with the default fill in what getValue() says (not on screen).
            styles(robot, full);
            Map<String, Map<String, Object>> withTrimmed = styles(robot, ThemeManager.stylesheet(dark));
            Map<String, Map<String, Object>> withFull = styles(robot, full);
            assertThat(withTrimmed.keySet()).as("the same nodes").containsExactlyInAnyOrderElementsOf(withFull.keySet());
            List<String> differences = new ArrayList<>();
            withFull.forEach((node, values) -> {
                if (!values.equals(withTrimmed.get(node))) {
                    differences.add(node + ": " + values + " / " + withTrimmed.get(node));
                }
            });
            assertThat(differences).as(dark ? "dark" : "light").isEmpty();
            assertThat(withFull.size()).as("nodes compared").isGreaterThan(500);
        }
        robot.interact(() -> Application.setUserAgentStylesheet(ThemeManager.stylesheet(false)));
    }

    @Test
    void noNodeOfTheMenusAndPopupsCarriesAStyleClassTheTrimmedThemeDropped(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<PortRowViewModel> table = (TableView<PortRowViewModel>) robot.lookup("#portTable").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        TreeSet<String> seen = new TreeSet<>();
        for (String opener : List.of("#optionsMenu", "#helpMenu", "#intervalChoice", "#scopeFilter")) {
            if (robot.lookup(opener).tryQuery().isEmpty()) {
                continue;
            }
            robot.clickOn(opener);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Window.getWindows().forEach(w -> collect(w.getScene().getRoot(), seen)));
            robot.type(KeyCode.ESCAPE);
        }
        robot.clickOn("#helpMenu").clickOn("About Portside");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#aboutVersion").tryQuery().isPresent());
        robot.interact(() -> stage.requestFocus());
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Window.getWindows().forEach(w -> collect(w.getScene().getRoot(), seen)));
        assertThat(seen).as("the style classes of every node").contains("menu-item", "dialog-pane", "list-cell");
        assertThat(seen).filteredOn(CompiledTheme::unused).isEmpty();
    }

    /**
     * Every styleable property's value of every node of every window, styled with {@code stylesheet},
     * by the node's place in its window (a skin may make some parts anew when restyled, such as an
     * indeterminate progress indicator's segments).
     */
    private static Map<String, Map<String, Object>> styles(FxRobot robot, String stylesheet) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        robot.interact(() -> Application.setUserAgentStylesheet(stylesheet));
        WaitForAsyncUtils.waitForFxEvents(); // the pulses that restyle every window
        robot.interact(() -> {
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null) {
                    Parent root = w.getScene().getRoot();
                    root.applyCss();
                    root.layout();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            TreeSet<String> classes = new TreeSet<>();
            int i = 0;
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null) {
                    walk(w.getScene().getRoot(), "window " + i++, out, classes);
                }
            }
            assertThat(classes).filteredOn(CompiledTheme::unused).isEmpty();
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Node node, String place, Map<String, Map<String, Object>> out, TreeSet<String> classes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CssMetaData<? extends Styleable, ?> meta : node.getCssMetaData()) {
            StyleableProperty<?> p = ((CssMetaData<Styleable, ?>) meta).getStyleableProperty(node);
            values.put(meta.getProperty(), p == null ? null : comparable(p.getValue()));
        }
        if (node instanceof javafx.scene.shape.Path && place.contains("text-input")) {
            values.remove("-fx-opacity"); // a text field's caret, which blinks
        }
        String here = place + " / " + node.getClass().getSimpleName() + node.getStyleClass();
        out.put(here, values);
        classes.addAll(node.getStyleClass());
        if (node instanceof Parent parent) {
            int i = 0;
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, here + " " + i++, out, classes);
            }
        }
    }

    private static void collect(Node node, TreeSet<String> classes) {
        classes.addAll(node.getStyleClass());
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(c -> collect(c, classes));
        }
    }

    /** Values without equals of their own (effects, nodes made from a style, images), in comparable form. */
    private static Object comparable(Object value) {
        if (value instanceof DropShadow s) {
            return List.of("dropshadow", s.getBlurType(), s.getColor(), s.getRadius(), s.getSpread(), s.getOffsetX(),
                    s.getOffsetY());
        }
        if (value instanceof InnerShadow s) {
            return List.of("innershadow", s.getBlurType(), s.getColor(), s.getRadius(), s.getChoke(), s.getOffsetX(),
                    s.getOffsetY());
        }
        if (value instanceof Effect e) {
            return e.getClass().getName();
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        if (value instanceof Image i) {
            return Objects.toString(i.getUrl(), "image");
        }
        if (value instanceof Node n) {
            return n.getClass().getName();
        }
        return value;
    }
}
