package dev.portside.diagnose;

import dev.portside.platform.CommandRunner;
import dev.portside.platform.OsFamily;
import dev.portside.platform.ProcessCommandRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TCP port ranges Windows excludes from binding: Hyper-V, WSL 2, Docker Desktop and WinNAT
 * reserve blocks (they move on every restart), and a bind inside one fails with 10013 (WSAEACCES)
 * although nothing listens. Read from {@code netsh int ipv4 show excludedportrange protocol=tcp} (and
 * ipv6), on Windows only. The table's words are translated on other Windows languages; its rows are
 * always two numbers, so only they are read.
 */
public final class ExcludedPortRanges {

    private static final Pattern ROW = Pattern.compile("^\\s*(\\d{1,5})\\s+(\\d{1,5})\\s*(\\*)?\\s*$", Pattern.MULTILINE);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(3);

    private ExcludedPortRanges() {
    }

    /** The ranges in netsh's output (any language). */
    public static List<PortRange> parse(String netshOutput) {
        List<PortRange> ranges = new ArrayList<>();
        Matcher m = ROW.matcher(netshOutput == null ? "" : netshOutput);
        while (m.find()) {
            int first = Integer.parseInt(m.group(1));
            int last = Integer.parseInt(m.group(2));
            if (first >= 1 && first <= last && last <= 65535) {
                ranges.add(new PortRange(first, last, m.group(3) != null));
            }
        }
        return ranges;
    }

    /**
     * The ranges on this machine: runs netsh on Windows (a fixed command, at most 3 s per family),
     * nothing elsewhere.
     *
     * @throws IOException when netsh cannot be run or does not answer in time
     */
    public static List<PortRange> onThisMachine() throws IOException {
        if (OsFamily.current() != OsFamily.WINDOWS) {
            return List.of();
        }
        return read(new ProcessCommandRunner());
    }

    /** Both families' ranges through a command runner (recorded output in tests). */
    static List<PortRange> read(CommandRunner runner) throws IOException {
        LinkedHashSet<PortRange> all = new LinkedHashSet<>(parse(netsh(runner, "ipv4")));
        all.addAll(parse(netsh(runner, "ipv6")));
        return List.copyOf(all);
    }

    private static String netsh(CommandRunner runner, String family) throws IOException {
        Optional<CommandRunner.Result> r = runner.run(
                List.of("netsh", "int", family, "show", "excludedportrange", "protocol=tcp"), TIME_LIMIT);
        if (r.isEmpty()) {
            throw new IOException("netsh could not be run, or did not answer within " + TIME_LIMIT.toSeconds() + " s");
        }
        return r.get().output();
    }
}
