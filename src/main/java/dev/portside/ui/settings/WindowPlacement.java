package dev.portside.ui.settings;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where a remembered window goes on the screens there are now. A window that lies wholly on the
 * screens (one, or several side by side) stays where it was. Otherwise (a monitor was unplugged, the
 * display is smaller) it goes onto the screen it overlaps most, or the primary screen when it
 * overlaps none, made smaller if it is larger than that screen and moved just enough to lie on it.
 * Pure geometry, tested without a toolkit; the bounds are the screens' visual bounds (without task
 * bars and docks).
 */
public final class WindowPlacement {

    private WindowPlacement() {
    }

    /**
     * @param saved the window's remembered bounds
     * @param screens the visual bounds of every screen now
     * @param primary the primary screen's visual bounds
     * @return the bounds to open the window at
     */
    public static Rectangle2D place(Rectangle2D saved, List<Rectangle2D> screens, Rectangle2D primary) {
        double covered = 0;
        Rectangle2D best = null;
        double bestArea = 0;
        for (Rectangle2D screen : screens) {
            double area = overlap(saved, screen);
            covered += area; // screens do not overlap each other
            if (area > bestArea) {
                bestArea = area;
                best = screen;
            }
        }
        double whole = saved.getWidth() * saved.getHeight();
        if (whole > 0 && covered >= whole - 0.5) {
            return saved;
        }
        return onto(saved, best != null ? best : primary);
    }

    /** The window moved (and if need be made smaller) to lie wholly on one screen. */
    static Rectangle2D onto(Rectangle2D window, Rectangle2D screen) {
        double width = Math.min(window.getWidth(), screen.getWidth());
        double height = Math.min(window.getHeight(), screen.getHeight());
        double x = clamp(window.getMinX(), screen.getMinX(), screen.getMaxX() - width);
        double y = clamp(window.getMinY(), screen.getMinY(), screen.getMaxY() - height);
        return new Rectangle2D(x, y, width, height);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }
}
