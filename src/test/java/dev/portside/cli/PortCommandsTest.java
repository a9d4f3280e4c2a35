package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.action.PortInput;
import dev.portside.action.PortsCheck;
import dev.portside.action.ProcessTerminator;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.ForkingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code portside who} and {@code portside free} on real child JVMs. */
class PortCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PortsideCommand command = new PortsideCommand(args -> {
        throw new AssertionError("the GUI must not start");
    });

    /** Long enough for a child to end gracefully on a busy machine; the wait ends when it does. */
    private Duration grace = Duration.ofSeconds(15);

    private int run(String... args) {
        command.terminator = () -> new ProcessTerminator(grace);
        command.terminalInput = () -> null; // like a script: no terminal
        return execute(args);
    }

    private int runAnswering(String answers, String... args) {
        command.terminator = () -> new ProcessTerminator(grace);
        command.terminalInput = () -> new BufferedReader(new StringReader(answers));
        return execute(args);
    }

    private int execute(String... args) {
        var cli = PortsideCommand.commandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static boolean alive(ChildJvm child) {
        return child.process().isAlive();
    }

    @Test
    void whoPrintsTheOwnerOfAPort() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            assertThat(run("who", String.valueOf(child.port()))).isZero();
            assertThat(out.toString()).contains(String.valueOf(child.port())).contains("java (pid " + child.pid() + ")")
                    .contains(ListenerNames.MAIN);
        }
    }

    @Test
    void whoSaysAFreePortIsFree() throws IOException {
        int port = freePort();
        assertThat(run("who", ":" + port)).isEqualTo(1);
        assertThat(out.toString()).contains("Nothing is listening on " + port + " \u2014 it is free.");
    }

    @Test
    void freeWithYesEndsTheOwnerAndExitsZero() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            assertThat(run("free", String.valueOf(child.port()), "--yes")).isZero();
            assertThat(out.toString()).contains("Port " + child.port() + " is free.");
            assertThat(alive(child)).isFalse();
        }
    }

    @Test
    void freeWithoutTerminalAndWithoutYesRefusesPlainly() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            assertThat(run("free", String.valueOf(child.port()))).isEqualTo(1);
            assertThat(out.toString()).contains("Nothing was ended").contains("--yes");
            assertThat(alive(child)).isTrue();
        }
    }

    @Test
    void freeAsksAndEndsOnlyWhenTheAnswerIsYes() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            assertThat(runAnswering("n\n", "free", String.valueOf(child.port()))).isEqualTo(1);
            assertThat(out.toString()).contains("End java (pid " + child.pid() + ")? [y/N]")
                    .contains("Nothing was ended.");
            assertThat(alive(child)).isTrue();

            assertThat(runAnswering("y\n", "free", String.valueOf(child.port()))).isZero();
            assertThat(alive(child)).isFalse();
        }
    }

    @Test
    void freeForcesAStubbornOwnerOnlyWithForce() {
        grace = Duration.ofMillis(1500); // it ignores the request: the grace period is all waiting
        try (ChildJvm child = ChildJvm.start("--ignore-term", "tcp")) {
            String port = String.valueOf(child.port());
            assertThat(run("free", port, "--yes")).isEqualTo(1);
            assertThat(out.toString()).contains("Port " + port + " is still held by java (pid " + child.pid() + ")");
            assertThat(alive(child)).isTrue();

            assertThat(run("free", port, "--yes", "--force")).isZero();
            assertThat(alive(child)).isFalse();
        }
    }

    @Test
    void freeWithTreeEndsTheChildThatHoldsThePort() {
        try (ChildJvm parent = ChildJvm.start("--child", "--keep", "tcp")) {
            // The port's owner is the grandchild; --tree makes no difference to it but must not hurt.
            assertThat(run("free", String.valueOf(parent.port()), "--yes", "--tree")).isZero();
            assertThat(PortsCheck.alive(parent.grandchildPid())).isFalse();
        }
    }

    @Test
    void freeEndsEveryProgramThatSharesThePortNotOnlyTheLowestPid() {
        try (ChildJvm first = ChildJvm.start("tcp-reuse:0"); ChildJvm second = ChildJvm.start("tcp-reuse:" + first.port())) {
            assertThat(runAnswering("y\n", "free", String.valueOf(first.port()))).isZero();

            assertThat(out.toString()).contains("End java (pid " + Math.min(first.pid(), second.pid()) + "), java (pid "
                    + Math.max(first.pid(), second.pid()) + ")? [y/N]").contains("Port " + first.port() + " is free.");
            assertThat(alive(first)).isFalse();
            assertThat(alive(second)).isFalse();
        }
    }

    /**
     * A parent and the child it forked hold one socket. Ending only the parent ({@code --pid}) leaves
     * the port held by the child; {@code --tree} ends the child listed with it, and the port is free.
     */
    @Test
    void treeMakesTheDifferenceWhenTheChildHoldsTheParentsSocketToo() {
        assumeTrue(ForkingListener.available(), "needs /usr/bin/python3 for a parent that forks");
        try (ForkingListener server = ForkingListener.start()) {
            String port = String.valueOf(server.port());
            assertThat(run("free", port, "--pid", String.valueOf(server.parentPid()), "--yes")).isEqualTo(1);

            assertThat(out.toString()).contains("python3 (pid " + server.childPid() + ") also holds the port and will"
                    + " not be ended (not given with --pid).").contains("Port " + port + " is still held by python3 (pid "
                    + server.childPid() + "), started by a process you ended.").contains("--tree");
            assertThat(PortsCheck.alive(server.parentPid())).isFalse();
            assertThat(PortsCheck.alive(server.childPid())).isTrue();
            assertThat(PortsCheck.listening(server.port())).isTrue();
        }
        out.getBuffer().setLength(0);
        try (ForkingListener server = ForkingListener.start()) {
            String port = String.valueOf(server.port());
            assertThat(runAnswering("y\n", "free", port, "--pid", String.valueOf(server.parentPid()), "--tree"))
                    .isZero();

            assertThat(out.toString()).contains("End python3 (pid " + server.parentPid() + ") and its child process"
                    + " (python3 (pid " + server.childPid() + "))? [y/N]").doesNotContain("will not be ended")
                    .contains("Port " + port + " is free.");
            assertThat(PortsCheck.alive(server.childPid())).isFalse();
            assertThat(PortsCheck.listening(server.port())).isFalse();
        }
    }

    @Test
    void aPidThatDoesNotHoldThePortIsABadArgument() {
        try (ChildJvm child = ChildJvm.start("tcp")) {
            assertThat(run("free", String.valueOf(child.port()), "--pid", "1", "--yes")).isEqualTo(2);
            assertThat(err.toString()).contains("pid 1 does not hold port " + child.port());
            assertThat(alive(child)).isTrue();
        }
    }

    @Test
    void freeOfAFreePortSaysSoAndExitsZero() throws IOException {
        int port = freePort();
        assertThat(run("free", String.valueOf(port), "--yes")).isZero();
        assertThat(out.toString()).contains("Nothing is listening on " + port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "-1", "70000", "3000abc"})
    void badPortsExitTwoWithTheGuisMessage(String bad) {
        String expected = ((PortInput.Invalid) PortInput.parse(bad)).message();

        assertThat(run("free", bad, "--yes")).isEqualTo(2);
        assertThat(err.toString()).contains(expected);
        assertThat(run("who", bad)).isEqualTo(2);
    }

    @Test
    void aMissingPortExitsTwo() {
        assertThat(run("free")).isEqualTo(2);
        assertThat(err.toString()).contains("Type a port number");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** What the child's command line contains. */
    private static final class ListenerNames {
        static final String MAIN = "dev.portside.testing.ListenerMain";
    }
}
