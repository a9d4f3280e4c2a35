package dev.portside.ui.actions;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Keeps a dialog on the screen it opens on: never taller or wider than that screen's visible part
 * (a dialog that grows with its content would put its buttons below the edge of a 1024×768 or a
 * 1280×800 screen, out of reach of the mouse), and moved inside it. The dialog's content has to
 * give way: the confirmation's list of processes scrolls.
 */
final class ScreenFit {

    /** Room left free at the screen's edges. */
    static final double MARGIN = 16;

    private ScreenFit() {
    }

    static void keepOnScreen(Window w) {
        Rectangle2D b = screenOf(w).getVisualBounds();
        double maxWidth = b.getWidth() - 2 * MARGIN;
        double maxHeight = b.getHeight() - 2 * MARGIN;
        if (w.getWidth() > maxWidth) {
            w.setWidth(maxWidth);
        }
        if (w.getHeight() > maxHeight) {
            w.setHeight(maxHeight);
        }
        w.setX(clamp(w.getX(), b.getMinX() + MARGIN, b.getMaxX() - MARGIN - w.getWidth()));
        w.setY(clamp(w.getY(), b.getMinY() + MARGIN, b.getMaxY() - MARGIN - w.getHeight()));
    }

    /** The screen that shows most of the window (its centre), else the primary one. */
    private static Screen screenOf(Window w) {
        double cx = w.getX() + w.getWidth() / 2;
        double cy = w.getY() + w.getHeight() / 2;
        return Screen.getScreensForRectangle(cx, cy, 1, 1).stream().findFirst().orElse(Screen.getPrimary());
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
