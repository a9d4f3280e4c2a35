package dev.portside.cli;

import dev.portside.action.ProcessLabels;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owners of a port in words, for {@code who} and {@code free}. Names, users and command lines
 * are shown escaped ({@link Printable}): no control character from another process reaches the terminal.
 */
final class OwnerText {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OwnerText() {
    }

    static String describe(List<ListeningSocket> sockets) {
        StringBuilder sb = new StringBuilder(SocketTable.format(sockets));
        Map<Integer, ProcessInfo> owners = new LinkedHashMap<>();
        sockets.forEach(s -> s.owners().forEach(p -> owners.putIfAbsent(p.pid(), p)));
        for (ProcessInfo p : owners.values()) {
            sb.append(System.lineSeparator()).append(Printable.of(ProcessLabels.label(p)));
            if (!p.user().isEmpty()) {
                sb.append(", user ").append(Printable.of(p.user()));
            }
            p.startTimeIfKnown().ifPresent(t -> sb.append(", started ")
                    .append(START.format(t.atZone(ZoneId.systemDefault()))));
            sb.append(System.lineSeparator());
            if (!p.commandLine().isEmpty()) {
                sb.append("  ").append(Printable.of(p.commandLine())).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }
}
