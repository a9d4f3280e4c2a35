package dev.portside.ui.settings;

import java.util.List;
import java.util.Objects;

/**
 * Everything Portside remembers between runs, as stored in {@code settings.json}. Any field may be
 * missing or null in the file (an older or hand-edited file): the compact constructor puts a
 * sensible default in its place, so readers never see null.
 *
 * @param theme "system", "light" or "dark"
 * @param pollIntervalMillis time between two polls
 * @param filterText the search text
 * @param protocols shown protocol ids ("tcp", "udp")
 * @param families shown IP family ids ("ipv4", "ipv6")
 * @param categories shown category ids ("well-known", …)
 * @param scope "all", "exposed" or "loopback"
 * @param pinnedPorts the watch list
 * @param notifyNewExposed announce new sockets on every interface
 * @param columns table columns in order, with widths
 * @param sortOrder table sort columns, first is primary
 * @param window window bounds, or null for the default
 * @param splitPosition the divider of the table/detail split (0–1), or null
 * @param systemNotifications watch-list messages go to the system's notification centre (default on)
 */
public record Settings(String theme, Long pollIntervalMillis, String filterText, List<String> protocols,
        List<String> families, List<String> categories, String scope, List<Integer> pinnedPorts,
        Boolean notifyNewExposed, List<Column> columns, List<Sort> sortOrder, Window window, Double splitPosition,
        Boolean systemNotifications) {

    public static final String THEME_SYSTEM = "system";
    public static final String THEME_LIGHT = "light";
    public static final String THEME_DARK = "dark";

    /** One table column: its id (e.g. "portColumn") and width in pixels. */
    public record Column(String id, double width) {
    }

    /** One sort column and direction. */
    public record Sort(String id, boolean ascending) {
    }

    /** Window position and size. */
    public record Window(double x, double y, double width, double height, boolean maximized) {
    }

    public Settings {
        theme = THEME_LIGHT.equals(theme) || THEME_DARK.equals(theme) ? theme : THEME_SYSTEM;
        pollIntervalMillis = pollIntervalMillis == null || pollIntervalMillis <= 0 ? 1000L : pollIntervalMillis;
        filterText = Objects.requireNonNullElse(filterText, "");
        protocols = clean(protocols, List.of("tcp", "udp"));
        families = clean(families, List.of("ipv4", "ipv6"));
        categories = clean(categories, List.of("well-known", "registered", "dynamic"));
        scope = Objects.requireNonNullElse(scope, "all");
        pinnedPorts = pinnedPorts == null ? List.of()
                : pinnedPorts.stream().filter(p -> p != null && p >= 0 && p <= 65535).distinct().sorted().toList();
        notifyNewExposed = Boolean.TRUE.equals(notifyNewExposed);
        columns = columns == null ? List.of()
                : columns.stream().filter(c -> c != null && c.id() != null && c.width() > 0).toList();
        sortOrder = sortOrder == null ? List.of() : sortOrder.stream().filter(s -> s != null && s.id() != null).toList();
        if (window != null && (window.width() < 100 || window.height() < 100 || !Double.isFinite(window.x())
                || !Double.isFinite(window.y()))) {
            window = null;
        }
        if (splitPosition != null && !(splitPosition > 0 && splitPosition < 1)) {
            splitPosition = null;
        }
        systemNotifications = !Boolean.FALSE.equals(systemNotifications);
    }

    private static List<String> clean(List<String> values, List<String> fallback) {
        return values == null ? fallback : values.stream().filter(Objects::nonNull).toList();
    }

    /** What a first start uses. */
    public static Settings defaults() {
        return new Settings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
