package dev.portside.diagnose;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pasted message says happened ({@link Symptom}) and which tool printed it, from the words
 * the usual tools use: Node's {@code EADDRINUSE}, Python's {@code [Errno 98]}, Java's
 * {@code BindException}, curl's {@code Failed to connect}, libpq's "could not connect to server",
 * Windows' 10048 and 10013, browsers' "refused to connect". The earliest clue in the text wins.
 */
final class MessageClues {

    private record Clue(Pattern pattern, Symptom symptom) {
    }

    private record ToolClue(Pattern pattern, String tool) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Clue> SYMPTOMS = List.of(
            clue("EADDRINUSE|WSAEADDRINUSE|address already in use|address in use|already in use|\\bis in use\\b"
                    + "|port is already allocated|is in use by another program|Errno\\s+(?:98|48)\\b"
                    + "|WinError\\s+10048|\\(10048\\)|error\\s+10048|socket error\\s*#?\\s*10048"
                    + "|Only one usage of each socket address", Symptom.IN_USE),
            clue("EACCES|WSAEACCES|permission denied|Errno\\s+13\\b|WinError\\s+10013|\\(10013\\)|error\\s+10013"
                    + "|forbidden by its access permissions", Symptom.PERMISSION_DENIED),
            clue("EADDRNOTAVAIL|WSAEADDRNOTAVAIL|(?:cannot|can't|can not) assign requested address"
                    + "|requested address is not valid|Errno\\s+(?:99|49)\\b|WinError\\s+10049", Symptom.ADDRESS_NOT_AVAILABLE),
            clue("ECONNREFUSED|WSAECONNREFUSED|connection refused|refused to connect|ERR_CONNECTION_REFUSED"
                    + "|Errno\\s+(?:111|61)\\b|WinError\\s+10061|\\(10061\\)|actively refused|Connect call failed",
                    Symptom.REFUSED),
            clue("ETIMEDOUT|WSAETIMEDOUT|timed out|Errno\\s+110\\b|WinError\\s+10060|ERR_CONNECTION_TIMED_OUT",
                    Symptom.TIMED_OUT),
            clue("\\.s\\.PGSQL\\.\\d+\"? failed: No such file|mysqld?\\.sock'? \\(2\\)|No such file or directory.{0,80}socket"
                    + "|Unix domain socket", Symptom.SOCKET_FILE_MISSING));

    /** Words that say "could not connect" without saying why: only when no clue above is in the text. */
    private static final List<Clue> VAGUE = List.of(
            clue("couldn'?t connect to server|ConnectException|can.t establish a connection|Unable to connect"
                    + "|could not connect to (?:server|Redis)|Can't connect to (?:MySQL |local )?server|Failed to connect to"
                    + "|can.t connect to the server|can.t reach this page|This site can.t be reached|Failed to open TCP connection",
                    Symptom.REFUSED));

    /** Tools whose words are unmistakable, most specific first. */
    private static final List<ToolClue> TOOLS = List.of(
            tool("\\bVITE v\\d|\\bvite[/\\\\]|error when starting dev server", "vite"),
            tool("Web server failed to start|APPLICATION FAILED TO START|org\\.springframework", "spring-boot"),
            tool("Error response from daemon|port is already allocated|docker:", "docker"),
            tool("\\bpsql:|\\.s\\.PGSQL\\.|postmaster|PG::ConnectionBad|libpq", "postgres"),
            tool("\\bERROR 200[23] \\(HY000\\)|MySQL server|mysqld", "mysql"),
            tool("Redis at |Redis is starting|redis-server", "redis"),
            tool("MongoNetworkError|MongooseServerSelectionError|MongoServerSelectionError", "mongodb"),
            tool("\\[emerg\\]|nginx:", "nginx"),
            tool("\\bcurl: \\(\\d+\\)|^\\* +Trying ", "curl"),
            tool("^Connecting to .*\\|:\\d+\\.\\.\\.|Resolving .*\\.\\.\\. ", "wget"),
            tool("\\bssh: connect to host", "ssh"),
            tool("ERR_CONNECTION_REFUSED|This site can.t be reached|refused to connect\\.", "chrome"),
            tool("Firefox can.t establish", "firefox"),
            tool("Safari can.t (?:connect|open)", "safari"),
            tool("Hmmm.{0,3} can.t reach this page", "edge"),
            tool("System\\.Net\\.Sockets|SocketException|Unable to bind to https?://|Microsoft\\.AspNetCore", "dotnet"),
            tool("\\b(?:connect|listen) E[A-Z]{4,}\\b|\\bnode:(?:internal|net|events)|Node\\.js v\\d|errno: -\\d+|code: '[A-Z]+'|listen E[A-Z]+:", "node"),
            tool("Traceback \\(most recent call last\\)|\\[Errno \\d+\\]|\\[WinError \\d+\\]|File \"[^\"]+\\.py\"|OSError:",
                    "python"),
            tool("java\\.net\\.|java\\.io\\.|at java\\.base/|Exception in thread", "java"),
            tool("\\(Errno::E[A-Z]+\\)|\\.rb:\\d+:in ", "ruby"),
            tool("\\bdial tcp |\\blisten tcp[46]? |\\bgo\\d\\.\\d+", "go"),
            tool("Failed to listen on .*\\(reason: ", "php"),
            tool("WinError|WSAE[A-Z]+|\\b100(?:48|13|61|49)\\b", "windows"));

    private MessageClues() {
    }

    /** The symptom whose words come first in the text, or {@link Symptom#NONE}. */
    static Symptom symptom(String text) {
        Symptom clear = earliest(SYMPTOMS, text);
        return clear != Symptom.NONE ? clear : earliest(VAGUE, text);
    }

    private static Symptom earliest(List<Clue> clues, String text) {
        Symptom best = Symptom.NONE;
        int bestAt = Integer.MAX_VALUE;
        for (Clue c : clues) {
            Matcher m = c.pattern().matcher(text);
            if (m.find() && m.start() < bestAt) {
                best = c.symptom();
                bestAt = m.start();
            }
        }
        return best;
    }

    /** The tool that printed the text, or "". */
    static String tool(String text) {
        for (ToolClue t : TOOLS) {
            if (t.pattern().matcher(text).find()) {
                return t.tool();
            }
        }
        return "";
    }

    private static Clue clue(String regex, Symptom symptom) {
        return new Clue(Pattern.compile(regex, FLAGS), symptom);
    }

    private static ToolClue tool(String regex, String tool) {
        return new ToolClue(Pattern.compile(regex, FLAGS | Pattern.MULTILINE), tool);
    }
}
