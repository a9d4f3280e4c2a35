package dev.portside.cli;

import dev.portside.action.ProcessLabels;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import dev.portside.owner.Container;
import dev.portside.owner.OwnerFacts;
import dev.portside.owner.Project;
import dev.portside.owner.Viewer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * The owners of a port in words, for {@code who} and {@code free}. Names, users and command lines
 * are shown escaped ({@link Printable}): no control character from another process reaches the terminal.
 */
final class OwnerText {

    private OwnerText() {
    }

    static String describe(List<ListeningSocket> sockets) {
        return describe(sockets, s -> null);
    }

    /** The table of the sockets (with WHAT) and each owner process's details. */
    static String describe(List<ListeningSocket> sockets, Function<ListeningSocket, LikelyOwner> likely) {
        StringBuilder sb = new StringBuilder(SocketTable.format(sockets, likely));
        Map<Integer, ProcessInfo> owners = new LinkedHashMap<>();
        for (ListeningSocket s : sockets) {
            for (ProcessInfo p : s.owners()) {
                owners.putIfAbsent(p.pid(), p);
            }
        }
        for (ProcessInfo p : owners.values()) {
            sb.append(System.lineSeparator()).append(Printable.of(ProcessLabels.label(p)));
            if (!p.user().isEmpty()) {
                sb.append(", user ").append(Printable.of(p.user()));
            }
            if (p.startTimeIfKnown().isPresent()) {
                sb.append(", started ").append(localTime(p.startTimeIfKnown().get()));
            }
            sb.append(System.lineSeparator());
            if (!p.commandLine().isEmpty()) {
                sb.append("  ").append(Printable.of(p.commandLine())).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    /**
     * "2026-12-01 10:08:05" in this computer's time zone. Its offset at that moment comes from
     * {@link TimeZone} (the same time-zone data): {@code ZoneId.systemDefault()} would read and index
     * the JDK's whole time-zone database first, 10-20 ms of a command (docs/PERFORMANCE.md).
     */
    static String localTime(Instant t) {
        int offset = TimeZone.getDefault().getOffset(t.toEpochMilli()) / 1000;
        // written out, as DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss") writes it: that class's
        // set-up (its standard formatters, the pattern's parser) cost 3-5 ms of every who
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.ofTotalSeconds(offset));
        StringBuilder sb = new StringBuilder(19);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(d); // never on a real clock
        }
        two(two(sb.append(String.valueOf(10000 + year).substring(1)).append('-'), d.getMonthValue()).append('-'),
                d.getDayOfMonth()).append(' ');
        two(two(two(sb, d.getHour()).append(':'), d.getMinute()).append(':'), d.getSecond());
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int value) {
        return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * What the sockets most likely are, once per distinct owner: the label and its certainty, the
     * explanation, and the container, service and project when known.
     */
    static String whatItIs(Collection<LikelyOwner> owners) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        Set<String> said = new HashSet<>();
        for (LikelyOwner o : owners) {
            if (!said.add(o.label())) {
                continue; // the IPv4 and IPv6 sockets of one server say the same
            }
            sb.append(nl).append(Printable.of(Texts.get("who.what", o.label(), o.certaintyText()))).append(nl);
            sb.append("  ").append(Printable.of(o.sentence())).append(nl);
            OwnerFacts f = o.facts();
            Container c = f.container();
            if (c != null) {
                sb.append("  ").append(Printable.of(Texts.get("who.container", c.displayName(), c.image(), c.shortId(),
                        c.state()))).append(nl);
            }
            if (f.unit() != null) {
                sb.append("  ").append(Printable.of(Texts.get("who.unit", f.unit().name(),
                        f.unit().stopCommand(Viewer.isRoot())))).append(nl);
            }
            Project p = f.project();
            if (p != null) {
                sb.append("  ").append(Printable.of(Texts.get("who.project", p.name(), p.manifest(), p.folder())))
                        .append(nl);
            }
        }
        return sb.toString();
    }
}
