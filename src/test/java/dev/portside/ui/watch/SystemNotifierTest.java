package dev.portside.ui.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.platform.NotificationCentre;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SystemNotifierTest {

    private final List<String> centreGot = new ArrayList<>();
    private final List<String> windowGot = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private final AtomicBoolean centreTakes = new AtomicBoolean(true);
    private final AtomicBoolean focused = new AtomicBoolean(false);

    private final NotificationCentre centre = (title, body) -> {
        centreGot.add(title + " | " + body);
        return centreTakes.get();
    };

    private SystemNotifier notifier() {
        return new SystemNotifier(centre, (t, b) -> windowGot.add(t + " | " + b), focused::get,
                r -> { threads.add("background"); r.run(); }, r -> { threads.add("fx"); r.run(); });
    }

    @Test
    void inTheBackgroundTheSystemShowsItOnABackgroundThread() {
        notifier().notify("Port 3000 is open", "node (pid 1) now listens", true);
        assertThat(centreGot).containsExactly("Port 3000 is open | node (pid 1) now listens");
        assertThat(windowGot).isEmpty();
        assertThat(threads).containsExactly("background");
    }

    @Test
    void whileTheWindowHasTheFocusThePopUpShowsItAndTheSystemIsNotAsked() {
        focused.set(true);
        notifier().notify("Port 3000 is open", "node (pid 1) now listens", true);
        assertThat(windowGot).containsExactly("Port 3000 is open | node (pid 1) now listens");
        assertThat(centreGot).isEmpty();
    }

    @Test
    void switchedOffThePopUpShowsIt() {
        notifier().notify("Port 3000 closed", "node stopped", false);
        assertThat(windowGot).containsExactly("Port 3000 closed | node stopped");
        assertThat(centreGot).isEmpty();
    }

    @Test
    void aSystemWithoutNotificationsGivesThePopUpOnTheFxThread() {
        centreTakes.set(false);
        notifier().notify("Port 3000 closed", "node stopped", true);
        assertThat(centreGot).hasSize(1);
        assertThat(windowGot).containsExactly("Port 3000 closed | node stopped");
        assertThat(threads).containsExactly("background", "fx");
    }

    @Test
    void aCentreThatThrowsIsTheSameAsNone() {
        SystemNotifier n = new SystemNotifier((t, b) -> {
            throw new IllegalStateException("bus gone");
        }, (t, b) -> windowGot.add(t), () -> false, Runnable::run, Runnable::run);
        n.notify("Port 1 closed", "x", true);
        assertThat(windowGot).containsExactly("Port 1 closed");
    }

    @Test
    void systemTextReachesNoCentreRaw() {
        notifier().notify("Port 3000 is open", "evil\u001b[31m\nname (pid 1)", true);
        assertThat(centreGot).containsExactly("Port 3000 is open | evil\\x1b[31m\\nname (pid 1)");
    }
}
