package dev.portside.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Plain JUnit, no toolkit: a remembered window opens on a screen that exists now. */
class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1600, 900);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1600, 0, 2560, 1440);

    private static Rectangle2D place(Rectangle2D saved, Rectangle2D... screens) {
        return WindowPlacement.place(saved, List.of(screens), screens[0]);
    }

    @Test
    void aWindowThatLiesOnTheScreenStaysWhereItWas() {
        Rectangle2D saved = new Rectangle2D(100, 50, 1360, 800);
        assertThat(place(saved, LAPTOP)).isEqualTo(saved);
    }

    @Test
    void theIssuesCase40PixelsOffTheRightOfA1600PixelScreenIsMovedOnto() {
        // saved at 280,133 1360×800: its right edge at 1640, 40 px past the screen's
        Rectangle2D placed = place(new Rectangle2D(280, 133, 1360, 800), LAPTOP);
        assertThat(placed).isEqualTo(new Rectangle2D(240, 100, 1360, 800));
        assertThat(placed.getMaxX()).isLessThanOrEqualTo(1600);
        assertThat(placed.getMaxY()).isLessThanOrEqualTo(900);
    }

    @Test
    void aWindowOnAMonitorThatWasUnpluggedOpensOnThePrimaryScreen() {
        Rectangle2D onTheMonitor = new Rectangle2D(2000, 300, 1360, 800);
        assertThat(place(onTheMonitor, LAPTOP, RIGHT_MONITOR)).isEqualTo(onTheMonitor);
        assertThat(place(onTheMonitor, LAPTOP)).isEqualTo(new Rectangle2D(240, 100, 1360, 800));
    }

    @Test
    void aWindowLargerThanTheSmallerDisplayNowIsMadeToFit() {
        Rectangle2D big = new Rectangle2D(0, 0, 2400, 1300);
        Rectangle2D small = new Rectangle2D(0, 0, 1280, 720);
        assertThat(place(big, small)).isEqualTo(new Rectangle2D(0, 0, 1280, 720));
    }

    @Test
    void aWindowAcrossTwoScreensSideBySideStays() {
        Rectangle2D across = new Rectangle2D(1200, 100, 1000, 700);
        assertThat(place(across, LAPTOP, RIGHT_MONITOR)).isEqualTo(across);
    }

    @Test
    void aWindowPartlyOffTheScreenItMostlyLiesOnGoesOntoThatScreenNotThePrimary() {
        Rectangle2D mostlyOnTheMonitor = new Rectangle2D(3000, 1000, 1360, 800); // bottom right off the monitor
        assertThat(place(mostlyOnTheMonitor, LAPTOP, RIGHT_MONITOR))
                .isEqualTo(new Rectangle2D(2800, 640, 1360, 800));
    }

    @Test
    void aWindowAboveTheScreensIsPulledDownSoItsTitleBarCanBeReached() {
        Rectangle2D placed = place(new Rectangle2D(100, -500, 800, 600), LAPTOP);
        assertThat(placed.getMinY()).isEqualTo(0);
        assertThat(placed.getMinX()).isEqualTo(100);
    }

    @Test
    void screensWithAnOffsetOriginAndTaskBarsCount() {
        Rectangle2D belowTaskBar = new Rectangle2D(-1920, 40, 1920, 1040); // a left monitor, a top panel
        Rectangle2D placed = place(new Rectangle2D(-1900, 0, 800, 600), belowTaskBar);
        assertThat(placed).isEqualTo(new Rectangle2D(-1900, 40, 800, 600));
    }
}
