package dev.portside.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The plain placeholder filling of {@link Texts#withTexts} writes what MessageFormat writes, for every text of the bundle. */
class TextsTest {

    @Test
    void fillsEveryTextOfTheBundleAsMessageFormatDoes() {
        List<Object[]> argumentLists = List.of(new Object[0], new Object[] {"a"}, new Object[] {"it's {0}", "b"},
                new Object[] {"", null, "c", "d"}, new Object[] {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"});
        int plain = 0;
        for (String key : Collections.list(Texts.bundle().getKeys())) {
            String pattern = Texts.bundle().getString(key);
            for (Object[] args : argumentLists) {
                String fast = Texts.withTexts(pattern, args);
                if (fast != null) {
                    plain++;
                    assertThat(fast).as(key).isEqualTo(new MessageFormat(pattern, Locale.getDefault()).format(args));
                }
            }
        }
        assertThat(plain).as("most texts are filled without MessageFormat").isGreaterThan(500);
    }

    @Test
    void leavesNumbersQuotesAndTypedPlaceholdersToMessageFormat() {
        assertThat(Texts.withTexts("{0} minutes", new Object[] {12})).isNull();
        assertThat(Texts.withTexts("it''s {0}", new Object[] {"x"})).isNull();
        assertThat(Texts.withTexts("{0,number,integer}", new Object[] {"x"})).isNull();
        assertThat(Texts.withTexts("a } b", new Object[] {"x"})).isNull();
        assertThat(Texts.withTexts("{0} and {2}", new Object[] {"x"})).isEqualTo("x and {2}");
        assertThat(Texts.get("action.outcome.nobody", "3000")).doesNotContain("{0}").contains("3000");
    }
}
