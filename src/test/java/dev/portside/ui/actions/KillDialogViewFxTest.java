package dev.portside.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.action.KillPlan;
import dev.portside.action.KillTarget;
import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The confirmation dialog's widgets: several owners and the choice among them, and the Windows case. */
@ExtendWith(ApplicationExtension.class)
class KillDialogViewFxTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private static KillPlan twoOwners() {
        ProcessInfo avahi = new ProcessInfo(612, "avahi-daemon", "", "avahi-daemon: running [host.local]", "avahi",
                T0, 1);
        ProcessInfo odd = new ProcessInfo(4188, "evil\u001b[31m", "", "chrome\n--type=utility", "dev", T0, 4000);
        KillPlan plan = KillPlan.forSocket(new ListeningSocket(Protocol.UDP, IpFamily.IPV4, IpAddress.IPV4_ANY, 5353,
                List.of(avahi, odd)));
        return plan.withTrees(Map.of(4188L, List.of(new KillTarget(4190, T0, "chrome", "dev", "", 4188))));
    }

    private KillDialogView open(KillDialogViewModel model) {
        KillDialogView[] view = new KillDialogView[1];
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            view[0] = new KillDialogView(model, stage);
            view[0].show(options -> { }, () -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }

    private static void onFx(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void severalOwnersEachHaveAChoiceAndTheDialogSaysWhichEnd(FxRobot robot) {
        KillDialogViewModel model = new KillDialogViewModel(twoOwners(), Map.of(), null, 3, true, ZoneId.of("UTC"));
        KillDialogView view = open(model);

        List<CheckBox> owners = List.copyOf(robot.lookup("#killOwnerCheckBox").queryAllAs(CheckBox.class));
        Button confirm = robot.lookup("#confirmKillButton").queryButton();
        assertThat(owners).extracting(CheckBox::getText)
                .containsExactly("avahi-daemon (pid 612)", "evil\\x1b[31m (pid 4188)");
        assertThat(owners).allMatch(CheckBox::isSelected);
        assertThat(robot.lookup("#killDialogWillEnd").queryAs(Label.class).getText())
                .isEqualTo("Will end: avahi-daemon (pid 612), evil\\x1b[31m (pid 4188).");
        assertThat(robot.lookup("#killDialogCommand").queryAllAs(javafx.scene.control.TextArea.class))
                .extracting(javafx.scene.control.TextArea::getText).contains("chrome\\n--type=utility");
        assertThat(confirm.getText()).isEqualTo("End 2 processes");

        onFx(() -> owners.get(0).setSelected(false));

        assertThat(confirm.getText()).isEqualTo("End process");
        assertThat(view.dialog().getHeaderText()).isEqualTo("End evil\\x1b[31m (pid 4188)?");
        assertThat(robot.lookup("#killDialogKept").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#killDialogKept").queryAs(Label.class).getText()).startsWith("avahi-daemon (pid 612)"
                + " also holds port 5353 and will not be ended");
        CheckBox tree = robot.lookup("#killTreeCheckBox").queryAs(CheckBox.class);
        assertThat(tree.isDisabled()).isFalse();
        assertThat(tree.getText()).startsWith("Also end the child processes listed (1 process)");

        onFx(() -> owners.get(1).setSelected(false));

        assertThat(confirm.isDisabled()).as("nothing chosen, nothing to confirm").isTrue();
        assertThat(tree.isDisabled()).isTrue();
        onFx(() -> view.dialog().close());
    }

    @Test
    void withManyOwnersTheDialogFitsTheScreenAndItsButtonsAreOnIt(FxRobot robot) {
        // Two servers sharing the port (SO_REUSEPORT), long command lines, dozens of child processes each:
        // taller than a 1280×800 screen (and than 1024×768).
        List<ProcessInfo> owners = new java.util.ArrayList<>();
        Map<Long, List<KillTarget>> trees = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            int pid = 6115 + i * 100;
            owners.add(new ProcessInfo(pid, "gunicorn", "/usr/bin/gunicorn",
                    "gunicorn --workers 48 --bind 0.0.0.0:80 " + "--access-logfile /var/log/app/access.log ".repeat(5),
                    "www-data", T0, 1));
            List<KillTarget> children = new java.util.ArrayList<>();
            for (int c = 1; c <= 48; c++) {
                children.add(new KillTarget(pid + c, T0, "gunicorn", "www-data", "", pid));
            }
            trees.put((long) pid, children);
        }
        KillPlan plan = KillPlan.forSocket(new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_ANY, 80,
                owners)).withTrees(trees);
        KillDialogView view = open(new KillDialogViewModel(plan, Map.of(), null, 3, true, ZoneId.of("UTC")));
        javafx.stage.Window window = view.dialog().getDialogPane().getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(window.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(window.getY() + window.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
        for (String id : List.of("#confirmKillButton", "#cancelKillButton")) {
            Button b = robot.lookup(id).queryButton();
            javafx.geometry.Bounds onScreen = WaitForAsyncUtils.waitForAsyncFx(5_000, () -> b.localToScreen(b.getBoundsInLocal()));
            assertThat(screen.contains(onScreen.getMinX(), onScreen.getMinY())).as(id + " at " + onScreen).isTrue();
            assertThat(screen.contains(onScreen.getMaxX(), onScreen.getMaxY())).as(id + " at " + onScreen).isTrue();
        }
        javafx.scene.control.ScrollPane list = robot.lookup("#killDialogOwners").queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(list.getViewportBounds().getHeight()).as("the list scrolls instead")
                .isLessThan(((javafx.scene.layout.Region) list.getContent()).getHeight());
        // The robot reaches the button it could not before (it was below the screen's edge).
        robot.clickOn("#cancelKillButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.isShowing()).isFalse();
    }

    @Test
    void whereEndingIsImmediateThereIsNoForceChoice(FxRobot robot) {
        KillDialogViewModel model = new KillDialogViewModel(twoOwners(), Map.of(), null, 3, false, ZoneId.of("UTC"));
        KillDialogView view = open(model);

        assertThat(robot.lookup("#killForceCheckBox").tryQuery()).isEmpty();
        assertThat(robot.lookup("#killDialogExplanation").queryAs(Label.class).getText())
                .isEqualTo("Portside will end them at once, which frees port 5353: Windows cannot ask a program to"
                        + " close first. Unsaved work will be lost.");
        onFx(() -> view.dialog().close());
    }

    @Test
    void anOwnerPortsideLeavesAloneIsListedWithWhyAndHasNoChoice(FxRobot robot) {
        KillPlan plan = twoOwners().leaving(612, "avahi-daemon (pid 612) belongs to the user avahi.");
        KillDialogViewModel model = new KillDialogViewModel(plan, Map.of(), null, 3, true, ZoneId.of("UTC"));
        KillDialogView view = open(model);

        assertThat(robot.lookup("#killOwnerCheckBox").tryQuery()).as("one may end: no choice to make").isEmpty();
        assertThat(robot.lookup("#killDialogWhyNot").queryAs(Label.class).getText())
                .isEqualTo("avahi-daemon (pid 612) belongs to the user avahi.");
        assertThat(robot.lookup("#confirmKillButton").queryButton().getText()).isEqualTo("End process");
        onFx(() -> view.dialog().close());
    }
}
