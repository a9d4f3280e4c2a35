package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The owner's start time is written out by hand, as the pattern it replaces writes it. */
class OwnerTextTimeTest {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void startTimesReadAsTheFormatterWritesThem() {
        long from = Instant.parse("1999-12-31T23:59:59Z").getEpochSecond();
        for (long s = from; s < from + 3L * 366 * 24 * 3600; s += 37 * 60 + 13) { // every minute and second of day
            Instant t = Instant.ofEpochSecond(s, 999_000_000);
            int offset = TimeZone.getDefault().getOffset(t.toEpochMilli()) / 1000;
            assertThat(OwnerText.localTime(t)).isEqualTo(PATTERN.format(t.atOffset(ZoneOffset.ofTotalSeconds(offset))));
        }
        assertThat(OwnerText.localTime(Instant.EPOCH)).hasSize(19);
    }
}
