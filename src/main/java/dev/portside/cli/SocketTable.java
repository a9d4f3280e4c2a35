package dev.portside.cli;

import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.knowledge.HiddenOwners;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.OwnerCertainty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The aligned text table that `portside list` prints: one line per socket, whatever the processes
 * are named (names and users are shown escaped, {@link Printable}).
 */
public final class SocketTable {

    private static final String[] HEADER = {"PROTO", "ADDRESS", "PORT", "CATEGORY", "PID", "PROCESS", "USER", "WHAT"};

    private SocketTable() {
    }

    public static String format(List<ListeningSocket> sockets) {
        return format(sockets, s -> null);
    }

    /**
     * @param owners each socket's likely owner for the WHAT column (null: "-"); a guess from the
     *     port ends in "?" ("PostgreSQL?")
     */
    public static String format(List<ListeningSocket> sockets, Function<ListeningSocket, LikelyOwner> owners) {
        List<String[]> rows = new ArrayList<>(sockets.size() + 1);
        rows.add(HEADER);
        for (ListeningSocket s : sockets) {
            ProcessInfo owner = s.owner().orElse(null);
            String process = owner == null ? HiddenOwners.rowText(s.user()) : owner.displayName();
            if (s.owners().size() > 1) {
                process += " (+" + (s.owners().size() - 1) + ")";
            }
            String user = s.userName();
            rows.add(new String[] {
                s.protocol().id() + (s.family().id().endsWith("6") ? "6" : ""),
                s.address().toString(),
                Integer.toString(s.port()),
                s.category().id(),
                owner == null ? "-" : Integer.toString(owner.pid()),
                Printable.of(process),
                user.isEmpty() ? "-" : Printable.of(user),
                what(owners.apply(s))
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

    /** "Vite dev server — shop", "PostgreSQL?" (a guess from the port), or "-". */
    static String what(LikelyOwner owner) {
        if (owner == null || owner.certainty() == OwnerCertainty.UNKNOWN && owner.label().isEmpty()) {
            return "-";
        }
        String label = Printable.of(owner.label());
        return owner.certainty() == OwnerCertainty.GUESSED_FROM_PORT ? label + "?" : label;
    }
}
