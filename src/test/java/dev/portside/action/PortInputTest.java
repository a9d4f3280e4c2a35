package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortInputTest {

    @ParameterizedTest
    @CsvSource({"3000, 3000", "':3000', 3000", "' 8080 ', 8080", "1, 1", "65535, 65535", "': 22', 22"})
    void acceptsAPortWithOrWithoutColon(String text, int port) {
        assertThat(PortInput.parse(text)).isEqualTo(new PortInput.Valid(port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ":"})
    void refusesEmptyInput(String text) {
        assertThat(message(text)).isEqualTo("Type a port number, for example 3000.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "3000abc", "30 00", "3000.5", "localhost"})
    void refusesTextThatIsNotANumber(String text) {
        assertThat(message(text)).contains("is not a port number").contains("1 to 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", ":0", "00"})
    void refusesPortZero(String text) {
        assertThat(message(text)).startsWith("Port 0 is not a real port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-3000"})
    void refusesNegativeNumbers(String text) {
        assertThat(message(text)).startsWith("A port number cannot be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"70000", "65536", "99999999999999999999"})
    void refusesNumbersAbove65535(String text) {
        assertThat(message(text)).isEqualTo(text + " is too big: ports go from 1 to 65535.");
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertThat(PortInput.parse(null)).isInstanceOf(PortInput.Invalid.class);
    }

    private static String message(String text) {
        PortInput.Result r = PortInput.parse(text);
        assertThat(r).isInstanceOf(PortInput.Invalid.class);
        return ((PortInput.Invalid) r).message();
    }
}
