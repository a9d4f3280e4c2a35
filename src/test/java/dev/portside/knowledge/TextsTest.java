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
                new Object[] {"", null, "c", "d"}, new Object[] {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"},
                new Object[] {0}, new Object[] {16763, "b"}, new Object[] {"a", 4190, 16763L, "d", 7, 1234567},
                new Object[] {-5, -1L, 2.5, "x", 3, 4}, new Object[] {"Vite", "node", 4190, ", started 2 minutes ago",
                        " in ~/shop"});
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
    void writesAPidAsMessageFormatDoesInEveryLocaleItKnows() {
        Locale before = Locale.getDefault();
        try {
            for (Locale l : List.of(Locale.ROOT, Locale.US, Locale.GERMANY, Locale.forLanguageTag("fa-IR"),
                    Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN"), Locale.forLanguageTag("th-TH-u-nu-thai"))) {
                Locale.setDefault(l);
                for (Object pid : List.of(0, 7, 4190, 1234567, 9_000_000_000L, -3)) {
                    String pattern = "{0} ({1}, pid {2,number,#}){3}{4}.";
                    Object[] args = {"Vite dev server", "node", pid, "", ""};
                    String fast = Texts.withTexts(pattern, args);
                    if (fast != null) {
                        assertThat(fast).as(l + " " + pid).isEqualTo(new MessageFormat(pattern, l).format(args));
                    }
                }
            }
            Locale.setDefault(Locale.US);
            assertThat(Texts.withTexts("pid {0,number,#}", new Object[] {16763})).isEqualTo("pid 16763");
            assertThat(Texts.withTexts("{,number,#}", new Object[] {1})).isNull();
            assertThat(Texts.withTexts("{0,number,integer}", new Object[] {1234})).isNull();
        } finally {
            Locale.setDefault(before);
        }
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
