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
}
