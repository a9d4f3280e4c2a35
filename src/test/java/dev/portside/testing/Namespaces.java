package dev.portside.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child JVM in Linux namespaces of its own ({@code unshare}, root only): a network namespace
 * set up with {@code ip} (interfaces, addresses), or a PID namespace with its own /proc, where the
 * processes outside are not seen. Lets a test create the machine feature it is about (link-local
 * addresses on two interfaces, a socket whose owner cannot be seen) instead of hoping the machine
 * has it.
 */
public final class Namespaces {

    /** A network namespace of the child's own. */
    public static final List<String> NETWORK = List.of("-n");
    /** A PID namespace with its own /proc: the child sees the sockets of this machine, not their owners. */
    public static final List<String> PIDS = List.of("-p", "-f", "--mount-proc");

    private Namespaces() {
    }

    /** Why namespaces cannot be made here, or "" when they can (root, unshare and ip present). */
    public static String unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "making a namespace needs root (CI runs as root)";
        }
        if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            return "needs /usr/bin/unshare (util-linux)";
        }
        if (ipTool() == null) {
            return "needs ip (iproute2)";
        }
        return "";
    }

    private static String ipTool() {
        for (String ip : List.of("/usr/sbin/ip", "/usr/bin/ip", "/sbin/ip")) {
            if (Files.isExecutable(Path.of(ip))) {
                return ip;
            }
        }
        return null;
    }

    /**
     * Shell lines that make two up interfaces {@code d1} and {@code d2}: dummy interfaces where the
     * kernel has them, else a veth pair (both ends in this namespace).
     */
    public static String twoInterfaces() {
        return "ip link set lo up\n"
                + "if ip link add d1 type dummy 2>/dev/null; then ip link add d2 type dummy;"
                + " else ip link add d1 type veth peer name d2; fi\n"
                + "ip link set d1 up\nip link set d2 up\n";
    }

    /** The result of a child run: exit code, standard output, standard error. */
    public record Run(int exit, String out, String err) {
    }

    /**
     * Runs {@code setup} (shell lines, {@code ip} on the PATH) in new namespaces ({@link #NETWORK},
     * {@link #PIDS}), then the main class in a child JVM on this test's class path, and waits (at
     * most 120 s).
     */
    public static Run runJava(List<String> namespaces, String setup, Class<?> main, String... args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder("set -e\n").append(setup)
                .append("exec \"$PORTSIDE_JAVA\" -XX:TieredStopAtLevel=1 -Xshare:auto -cp \"$PORTSIDE_CP\" '")
                .append(main.getName()).append('\'');
        for (String a : args) {
            command.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        List<String> argv = new ArrayList<>(List.of("/usr/bin/unshare"));
        argv.addAll(namespaces);
        argv.addAll(List.of("--", "/bin/bash", "-c", command.toString()));
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.put("PORTSIDE_JAVA", java);
        env.put("PORTSIDE_CP", System.getProperty("java.class.path"));
        env.put("PATH", Path.of(ipTool()).getParent() + ":/usr/sbin:/usr/bin:/sbin:/bin");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the namespace's child did not end in 120 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
