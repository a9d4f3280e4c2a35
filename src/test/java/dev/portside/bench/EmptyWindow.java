package dev.portside.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A JavaFX window that does nothing: the floor under {@code tools/bench-window.sh --main
 * dev.portside.bench.EmptyWindow}. On Linux (GTK) and Windows JavaFX's pulse timer wakes the FX
 * thread 60 times a second even when nothing changes (its pause is a no-op there), so an idle
 * JavaFX window is never free; this measures what that costs on the machine at hand. It is also the
 * lowest floor under the window's start-up in {@link CliBenchmark} (it logs when its first frame is
 * laid out, as Portside does).
 */
public final class EmptyWindow {

    private EmptyWindow() {
    }

    public static void main(String[] args) {
        // like dev.portside.Launcher: the main class must not be the Application on the class path
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("An empty JavaFX window")), 1280, 800);
            stage.setScene(scene);
            stage.show();
            FirstFrameLog.whenShown(scene);
        }
    }
}
