package dev.portside.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.portside.core.BuildInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AboutViewTest {

    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MenuButton help = new MenuButton("Help");
        help.setId("helpMenu");
        help.getItems().add(AboutView.menuItem(() -> stage, opened::add));
        stage.setScene(new Scene(new StackPane(help), 300, 200));
        stage.show();
    }

    @Test
    void aboutItemShowsVersionLicenceAndAWorkingProjectLink(FxRobot robot) throws Exception {
        robot.clickOn("#helpMenu");
        robot.clickOn("About Portside");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#aboutVersion").tryQuery().isPresent());

        BuildInfo info = BuildInfo.current();
        assertThat(robot.lookup("#aboutVersion").queryAs(Label.class).getText()).contains(info.version());
        assertThat(robot.lookup("#aboutLicence").queryAs(Label.class).getText()).contains("Apache-2.0");
        Hyperlink link = robot.lookup("#aboutProjectLink").queryAs(Hyperlink.class);
        assertThat(link.getText()).isEqualTo(info.projectUrl());

        robot.clickOn(link);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly(info.projectUrl());

        robot.clickOn("#aboutCloseButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#aboutVersion").tryQuery()
                .map(Node::getScene).map(s -> s.getWindow() == null || !s.getWindow().isShowing()).orElse(true));
    }

    @Test
    void theAppIconIsThereInEverySize() {
        assertThat(AppIcons.all()).hasSize(AppIcons.SIZES.length);
        for (int size : AppIcons.SIZES) {
            assertThat(AppIcons.sized(size)).isNotNull();
            assertThat(AppIcons.sized(size).getHeight()).isEqualTo(size);
        }
    }
}
