package dev.portside.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void plainTextIsTheSameString() {
        String name = "node /home/ana/shop/node_modules/.bin/vite --port 5173 — café";
        assertThat(Printable.of(name)).isSameAs(name);
        assertThat(Printable.needsEscaping(name)).isFalse();
    }

    @Test
    void aNewlineInAProcessNameStaysOnOneLine() {
        assertThat(Printable.of("new\nline")).isEqualTo("new\\nline").doesNotContain("\n");
        assertThat(Printable.of("a\r\tb")).isEqualTo("a\\r\\tb");
    }

    @Test
    void escapeSequencesNeverReachTheTerminalRaw() {
        String clearScreen = "python3 -c 'x' \u001b[2J\u001b]0;owned\u0007";
        assertThat(Printable.of(clearScreen))
                .isEqualTo("python3 -c 'x' \\x1b[2J\\x1b]0;owned\\x07")
                .doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(Printable.of("\u009b31m")).isEqualTo("\\x9b31m"); // the 8-bit CSI
        assertThat(Printable.of("del\u007f")).isEqualTo("del\\x7f");
        assertThat(Printable.of("nul\0")).isEqualTo("nul\\x00");
    }

    @Test
    void bidiControlsAndLineSeparatorsAreShownAsCodes() {
        assertThat(Printable.of("safe\u202eexe.txt")).isEqualTo("safe\\u202eexe.txt");
        assertThat(Printable.of("a\u2028b")).isEqualTo("a\\u2028b");
        assertThat(Printable.of("\u2066x\u2069")).isEqualTo("\\u2066x\\u2069");
    }

    @Test
    void nullIsEmpty() {
        assertThat(Printable.of(null)).isEmpty();
        assertThat(Printable.needsEscaping(null)).isFalse();
    }
}
