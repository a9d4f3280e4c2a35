package dev.portside.format;

import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.owner.OwnerFacts;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sockets as CSV (RFC 4180): a header line, one line per socket, CRLF line ends, and a field in
 * double quotes (with inner quotes doubled) whenever it holds a comma, a quote or a line break.
 * The columns follow the JSON schema of {@link SocketJson} (the container and project by name).
 */
public final class SocketCsv {

    public static final List<String> HEADER = List.of("protocol", "family", "address", "port", "category", "scope",
            "pid", "process", "user", "commandLine", "pids", "owner", "certainty", "container", "unit", "project");

    private SocketCsv() {
    }

    public static String toCsv(List<ListeningSocket> sockets) {
        return toCsv(sockets, SocketJson.NO_OWNERS);
    }

    /** @param owners each socket's likely owner (null when unknown) */
    public static String toCsv(List<ListeningSocket> sockets, Function<ListeningSocket, LikelyOwner> owners) {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER);
        for (ListeningSocket s : sockets) {
            ProcessInfo owner = s.owner().orElse(null);
            LikelyOwner likely = owners.apply(s);
            OwnerFacts facts = likely == null ? OwnerFacts.NONE : likely.facts();
            line(sb, List.of(s.protocol().id(), s.family().id(), s.address().toString(), Integer.toString(s.port()),
                    s.category().id(), s.scope().id(), owner == null ? "" : Integer.toString(owner.pid()),
                    owner == null || owner.name().isEmpty() ? "" : owner.displayName(),
                    s.userName(), owner == null ? "" : owner.commandLine(),
                    s.owners().stream().map(p -> Integer.toString(p.pid())).collect(Collectors.joining(" ")),
                    likely == null ? "" : likely.label(), likely == null ? "unknown" : likely.certainty().id(),
                    facts.container() == null ? "" : facts.container().name(),
                    facts.unit() == null ? "" : facts.unit().name(),
                    facts.project() == null ? "" : facts.project().name()));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        sb.append("\r\n");
    }

    /** A field as CSV: quoted when it must be. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
