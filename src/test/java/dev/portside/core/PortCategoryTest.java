package dev.portside.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortCategoryTest {

    @ParameterizedTest(name = "port {0} is {1}")
    @CsvSource({
        "0, WELL_KNOWN", "1, WELL_KNOWN", "22, WELL_KNOWN", "1023, WELL_KNOWN",
        "1024, REGISTERED", "3000, REGISTERED", "49151, REGISTERED",
        "49152, DYNAMIC", "49342, DYNAMIC", "65535, DYNAMIC"
    })
    void categoryFollowsTheRfc6335Ranges(int port, PortCategory expected) {
        assertThat(PortCategory.of(port)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, 70000, Integer.MIN_VALUE})
    void numbersOutsideThePortRangeAreRejected(int port) {
        assertThatThrownBy(() -> PortCategory.of(port)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"WELL_KNOWN, port-well-known, 0, 1023", "REGISTERED, port-registered, 1024, 49151",
        "DYNAMIC, port-dynamic, 49152, 65535"})
    void styleClassAndRangeBoundsAreStable(PortCategory c, String styleClass, int first, int last) {
        assertThat(c.styleClass()).isEqualTo(styleClass);
        assertThat(c.first()).isEqualTo(first);
        assertThat(c.last()).isEqualTo(last);
    }
}
