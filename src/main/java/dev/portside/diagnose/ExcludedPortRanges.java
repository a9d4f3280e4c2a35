package dev.portside.diagnose;

import dev.portside.knowledge.HostOs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final long TIME_LIMIT_MS = 3000;

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
        if (HostOs.current() != HostOs.WINDOWS) {
            return List.of();
        }
        LinkedHashSet<PortRange> all = new LinkedHashSet<>(parse(netsh("ipv4")));
        all.addAll(parse(netsh("ipv6")));
        return List.copyOf(all);
    }

    private static String netsh(String family) throws IOException {
        Process p = new ProcessBuilder("netsh", "int", family, "show", "excludedportrange", "protocol=tcp")
                .redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            if (!p.waitFor(TIME_LIMIT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("netsh did not answer within " + TIME_LIMIT_MS / 1000 + " s");
            }
            return new String(in.readAllBytes(), Charset.defaultCharset());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for netsh", e);
        }
    }
}
