package dev.portside.ui.help;

import javafx.scene.input.KeyCombination;

/**
 * One keyboard shortcut as the Shortcuts sheet lists it: the keys in the platform's words
 * (e.g. "Ctrl+F") and what they do (a resource key).
 *
 * @param keys the keys, ready to show
 * @param textKey the resource key of what it does
 */
public record Shortcut(String keys, String textKey) {

    public static Shortcut of(KeyCombination combination, String textKey) {
        return new Shortcut(combination.getDisplayText(), textKey);
    }
}
