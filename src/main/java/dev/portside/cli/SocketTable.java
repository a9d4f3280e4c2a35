package dev.portside.cli;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The aligned text table that `portside list` prints: one line per socket, whatever the processes
 * are named (names and users are shown escaped, {@link Printable}).
 */
public final class SocketTable {

    static final String HIDDEN = "(hidden: another user's process)";
    private static final String[] HEADER = {"PROTO", "ADDRESS", "PORT", "CATEGORY", "PID", "PROCESS", "USER"};

    private SocketTable() {
    }

    public static String format(List<ListeningSocket> sockets) {
        List<String[]> rows = new ArrayList<>(sockets.size() + 1);
        rows.add(HEADER);
        for (ListeningSocket s : sockets) {
            ProcessInfo owner = s.owner().orElse(null);
            String process = owner == null ? HIDDEN : Printable.of(owner.displayName());
            if (s.owners().size() > 1) {
                process += " (+" + (s.owners().size() - 1) + ")";
            }
            rows.add(new String[] {
                s.protocol().id() + (s.family().id().endsWith("6") ? "6" : ""),
                s.address().toString(),
                Integer.toString(s.port()),
                s.category().id(),
                owner == null ? "-" : Integer.toString(owner.pid()),
                process,
                owner == null ? "-" : Printable.of(owner.user())
            });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                boolean numeric = i == 2 || i == 4;
                String cell = row[i];
                if (last) {
                    sb.append(cell);
                } else if (numeric) {
                    sb.append(" ".repeat(widths[i] - cell.length())).append(cell).append("  ");
                } else {
                    sb.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
