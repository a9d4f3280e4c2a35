package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every feature appends to the one bundle; a pattern MessageFormat cannot read would show "!key!" or throw. */
class MessageBundleTest {

    @Test
    void everyPatternIsAValidMessageFormat() {
        ResourceBundle bundle = Texts.bundle();
        List<String> broken = new ArrayList<>();
        for (String key : Collections.list(bundle.getKeys())) {
            try {
                new MessageFormat(bundle.getString(key));
            } catch (IllegalArgumentException e) {
                broken.add(key + ": " + e.getMessage());
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void anApostropheIsWrittenTwiceWhereThePatternHasArguments() {
        // "user''s" prints user's; a single ' would swallow the rest of the sentence, {0} included.
        assertThat(Texts.get("action.refused.hidden", "3000")).contains("another user's process").contains("3000");
        assertThat(Texts.get("action.outcome.freed", "3000")).isEqualTo("Port 3000 is free.");
    }
}
