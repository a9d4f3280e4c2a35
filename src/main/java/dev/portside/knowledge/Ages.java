package dev.portside.knowledge;

import java.time.Duration;
import java.time.Instant;

/** "just now", "12 minutes ago", "3 days ago". */
public final class Ages {

    private Ages() {
    }

    public static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return Texts.get("detail.age.now");
        }
        if (d.toHours() < 1) {
            return Texts.get("detail.age.minutes", d.toMinutes());
        }
        if (d.toDays() < 1) {
            return Texts.get("detail.age.hours", d.toHours());
        }
        return Texts.get("detail.age.days", d.toDays());
    }

    /**
     * When {@link #ago} of {@code then} next says something else: the start of the next minute,
     * hour or day bucket. A text shown at {@code now} stays true until then, so a view needs to
     * recompute it only at that instant, not every second.
     */
    public static Instant nextChange(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return then.plus(Duration.ofMinutes(1));
        }
        if (d.toHours() < 1) {
            return then.plus(Duration.ofMinutes(d.toMinutes() + 1));
        }
        if (d.toDays() < 1) {
            return then.plus(Duration.ofHours(d.toHours() + 1));
        }
        return then.plus(Duration.ofDays(d.toDays() + 1));
    }
}
