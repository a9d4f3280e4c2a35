package dev.portside.ui.help;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/**
 * The window's keyboard shortcuts in one place: each feature registers its keys here, the scene
 * gets them as accelerators, and the Shortcuts sheet lists them all, so the sheet cannot forget one.
 */
public final class Shortcuts {

    private final Map<KeyCombination, Runnable> accelerators = new LinkedHashMap<>();
    private final List<Shortcut> listed = new ArrayList<>();

    /** A window-wide shortcut: several key combinations for one action are listed on one line. */
    public void add(String textKey, Runnable action, KeyCombination... keys) {
        Objects.requireNonNull(action);
        List<String> shown = new ArrayList<>();
        for (KeyCombination k : keys) {
            accelerators.put(k, action);
            shown.add(k.getDisplayText());
        }
        listed.add(new Shortcut(String.join(" / ", shown), textKey));
    }

    /** A key handled by one control (e.g. Space in the table), listed but not installed here. */
    public void describe(String keys, String textKey) {
        listed.add(new Shortcut(keys, textKey));
    }

    /** The shortcuts in the order they were added. */
    public List<Shortcut> all() {
        return Collections.unmodifiableList(listed);
    }

    /** The display text of the first key of a listed action, for tooltips; "" when none. */
    public String keysOf(String textKey) {
        return listed.stream().filter(s -> s.textKey().equals(textKey)).map(Shortcut::keys).findFirst().orElse("");
    }

    /** Installs the window-wide shortcuts on a scene. */
    public void install(Scene scene) {
        accelerators.forEach((k, r) -> scene.getAccelerators().put(k, r));
    }
}
