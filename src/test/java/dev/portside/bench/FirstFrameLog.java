package dev.portside.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The floors' version of Portside's start-up line: "first snapshot shown N ms after the JVM
 * started", logged at the same moment as {@code PortsideApp} logs it (just after the first pulse
 * that laid out the shown scene), so that {@link CliBenchmark} times Portside and its floors alike.
 */
final class FirstFrameLog {

    private FirstFrameLog() {
    }

    /** Call on the FX thread right after {@code stage.show()}. */
    static void whenShown(Scene scene) {
        Runnable afterLayout = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(() -> System.out.println("first snapshot shown "
                        + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                        + " ms after the JVM started"));
            }
        };
        scene.addPostLayoutPulseListener(afterLayout);
        Platform.requestNextPulse();
    }
}
