package dev.portside.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.ui.main.MainViewModel;
import dev.portside.ui.theme.ThemeManager;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The split position is remembered when a split exists and ignored when it does not. */
@ExtendWith(ApplicationExtension.class)
class SettingsBinderFxTest {

    private TableView<String> table;
    private SplitPane split;
    private BorderPane withSplit;
    private BorderPane withoutSplit;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        split = new SplitPane();
        withSplit = new BorderPane();
        withoutSplit = new BorderPane();
        TableColumn<String, String> a = new TableColumn<>("A");
        a.setId("aColumn");
        TableColumn<String, String> b = new TableColumn<>("B");
        b.setId("bColumn");
        table.getColumns().setAll(List.of(a, b));
        javafx.scene.layout.StackPane left = new javafx.scene.layout.StackPane(table);
        javafx.scene.layout.StackPane right = new javafx.scene.layout.StackPane(new Label("detail"));
        left.setMinWidth(50);
        right.setMinWidth(50);
        split.getItems().setAll(left, right);
        split.setDividerPositions(0.5);
        withSplit.setCenter(split);
        stage.setScene(new javafx.scene.Scene(new BorderPane(withSplit, null, null, null, withoutSplit), 800, 400));
        stage.show();
    }

    private static Settings withSplitAt(Double position) {
        return new Settings(null, null, null, null, null, null, null, null, null,
                List.of(new Settings.Column("bColumn", 120), new Settings.Column("gone", 50)), null, null, position,
                null);
    }

    @Test
    void theSplitPositionGoesBothWays(FxRobot robot) {
        robot.interact(() -> SettingsBinder.applyToSplit(withSplitAt(0.7), withSplit));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getDividerPositions()[0]).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.01));

        ThemeChoice theme = new ThemeChoice(new ThemeManager(), Optional::empty, dev.portside.poll.BackgroundRunner.sameThread());
        MainViewModel model = new MainViewModel(ZoneOffset.UTC, Clock.systemUTC(), (t, x) -> { }, dev.portside.poll.BackgroundRunner.sameThread());
        robot.interact(() -> split.setDividerPositions(0.3));
        Settings captured = SettingsBinder.capture(model, theme, table, null, withSplit);
        assertThat(captured.splitPosition()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(captured.window()).isNull();
    }

    @Test
    void noSplitIsNoProblem(FxRobot robot) {
        robot.interact(() -> SettingsBinder.applyToSplit(withSplitAt(0.7), withoutSplit));
        ThemeChoice theme = new ThemeChoice(new ThemeManager(), Optional::empty, dev.portside.poll.BackgroundRunner.sameThread());
        MainViewModel model = new MainViewModel(ZoneOffset.UTC, Clock.systemUTC(), (t, x) -> { }, dev.portside.poll.BackgroundRunner.sameThread());
        assertThat(SettingsBinder.capture(model, theme, table, null, withoutSplit).splitPosition()).isNull();
    }

    @Test
    void unknownColumnsAreSkippedAndNewOnesKept(FxRobot robot) {
        robot.interact(() -> SettingsBinder.applyToTable(withSplitAt(null), table));
        assertThat(table.getColumns()).extracting(TableColumn::getId).containsExactly("bColumn", "aColumn");
        assertThat(table.getColumns().get(0).getPrefWidth()).isEqualTo(120.0);
    }

    @Test
    void aColumnNewerThanTheSettingsFileComesAfterTheColumnItFollowsByDefault(FxRobot robot) {
        TableView<String> t = new TableView<>();
        for (String id : List.of("portColumn", "categoryColumn", "whatColumn", "processColumn")) {
            TableColumn<String, String> c = new TableColumn<>(id);
            c.setId(id);
            t.getColumns().add(c);
        }
        // saved before the What column existed, in the user's own order
        Settings old = new Settings(null, null, null, null, null, null, null, null, null,
                List.of(new Settings.Column("portColumn", 80), new Settings.Column("categoryColumn", 120),
                        new Settings.Column("processColumn", 150)), null, null, null, null);
        robot.interact(() -> SettingsBinder.applyToTable(old, t));
        assertThat(t.getColumns()).extracting(TableColumn::getId)
                .containsExactly("portColumn", "categoryColumn", "whatColumn", "processColumn");
        assertThat(t.getColumns().get(3).getPrefWidth()).isEqualTo(150.0);
    }

    @Test
    void theThemeFollowsTheSystemUntilTheUserChoosesOne() {
        ThemeManager manager = new ThemeManager();
        ThemeChoice theme = new ThemeChoice(manager, () -> Optional.of(true), dev.portside.poll.BackgroundRunner.sameThread());
        theme.restore("system");
        assertThat(manager.isDark()).isTrue();
        assertThat(theme.mode()).isEqualTo("system");
        manager.setDark(false); // the user clicks the toggle
        assertThat(theme.mode()).isEqualTo("light");
        theme.restore("dark");
        assertThat(theme.mode()).isEqualTo("dark");

        ThemeChoice unknown = new ThemeChoice(new ThemeManager(), Optional::empty, dev.portside.poll.BackgroundRunner.sameThread());
        unknown.restore("system");
        assertThat(unknown.mode()).as("a platform that does not say gets light").isEqualTo("system");
    }
}
