package dev.portside.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.Launcher;
import dev.portside.testing.ChildJvm;
import dev.portside.testing.KillFlowDriver;
import dev.portside.testing.OtherUser;
import dev.portside.testing.OtherUser.Rights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Permission denied, for real: Portside's command line ({@code free}) and the window's End (its view
 * models, driven by {@link KillFlowDriver}) run as the unprivileged user nobody, against listeners
 * held by root. No stand-in process: the kernel's own answers (EPERM from {@code kill(pid, 0)}, fds
 * it will not show) are what Portside has to put into words. The tests start as root (CI does) and
 * skip, saying so, elsewhere.
 */
class AnotherUsersProcessTest {

    private static final String ROOT_OWNS_IT = "it belongs to the user root. To end it, run Portside as root, or"
            + " with sudo (Linux, macOS), or as administrator (Windows).";

    @BeforeEach
    void needsRoot() {
        OtherUser.assumeAvailable();
    }

    @AfterAll
    static void removeTheCopiedClassPath() {
        OtherUser.cleanUp();
    }

    /**
     * nobody with the right to read every process (as a monitoring account has) sees who holds root's
     * socket, but the kernel will not let it signal it: {@code free} says whose it is and how to get
     * the right, ends nothing and exits 1.
     */
    @Test
    void freeAsAnotherUserNamesTheOwnerSaysHowToGetTheRightAndEndsNothing() {
        try (ChildJvm root = ChildJvm.start("tcp")) {
            OtherUser.Result r = OtherUser.run(Rights.READ_EVERY_PROCESS, Launcher.class.getName(),
                    "free", String.valueOf(root.port()), "--yes");

            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).contains("java (pid " + root.pid() + "), user root")
                    .contains("Nothing was ended: Portside may not end java (pid " + root.pid() + "): " + ROOT_OWNS_IT)
                    .doesNotContain("Exception");
            assertThat(root.process().isAlive()).isTrue();
            assertThat(Ports.listening(root.port())).isTrue();
        }
    }

    /** The same in the window: End asks nothing it cannot do, and says the same words. */
    @Test
    void theWindowSaysTheSameAndShowsNoConfirmation() {
        try (ChildJvm root = ChildJvm.start("tcp")) {
            OtherUser.Result r = OtherUser.run(Rights.READ_EVERY_PROCESS, KillFlowDriver.class.getName(),
                    String.valueOf(root.port()));

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.lines("DIALOG ")).as("nothing to confirm").isEmpty();
            assertThat(r.lines("MESSAGE ")).containsExactly("ERROR Nothing was ended: Portside may not end java (pid "
                    + root.pid() + "): " + ROOT_OWNS_IT);
            assertThat(root.process().isAlive()).isTrue();
        }
    }

    /**
     * An ordinary user cannot even see which process holds root's socket, but the kernel says whose
     * socket it is: {@code free} and End say so in plain words, with how to get the right, and end
     * nothing.
     */
    @Test
    void anOrdinaryUserIsToldThatTheOwnerIsHiddenFromItAndHowToSeeIt() {
        try (ChildJvm root = ChildJvm.start("tcp")) {
            String port = String.valueOf(root.port());
            OtherUser.Result cli = OtherUser.run(Rights.ORDINARY, Launcher.class.getName(), "free", port,
                    "--yes");
            OtherUser.Result window = OtherUser.run(Rights.ORDINARY, KillFlowDriver.class.getName(), port);

            assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
            assertThat(cli.out()).contains("Port " + port + " is held by a process of the user root, which your"
                    + " account cannot see. Run Portside as root, or with sudo (Linux, macOS) or as administrator"
                    + " (Windows), to see and end it.");
            assertThat(window.lines("KILL_DISABLED ")).containsExactly("true");
            assertThat(window.lines("KILL_TIP ")).containsExactly("Portside cannot see which process holds this port:"
                    + " it belongs to the user root. Run Portside as root, or with sudo or as administrator, to end"
                    + " it.");
            assertThat(root.process().isAlive()).isTrue();
        }
    }

    /**
     * nobody's own server with a child that runs as root (as after {@code sudo}): with the tree option
     * the check before signalling finds the child out of reach, and nothing at all is ended; without
     * it, the server (nobody's) ends.
     */
    @Test
    void aTreeWithAMemberOutOfReachEndsNothingAndSaysWhichOne() {
        try (ChildJvm server = ChildJvm.start("--drop-to", String.valueOf(OtherUser.NOBODY), "tcp",
                "--also-child", "--keep", "tcp")) {
            String port = String.valueOf(server.port());
            long rootsChild = server.grandchildPid();
            String outOfReach = "Nothing was ended: Portside may not end java (pid " + rootsChild + "), one of the child"
                    + " processes of java (pid " + server.pid() + "): " + ROOT_OWNS_IT;

            OtherUser.Result window = OtherUser.run(Rights.ORDINARY, KillFlowDriver.class.getName(), port,
                    "tree");
            OtherUser.Result cli = OtherUser.run(Rights.ORDINARY, Launcher.class.getName(), "free", port,
                    "--tree", "--yes");

            assertThat(window.lines("OWNER ")).containsExactly("java (pid " + server.pid() + ") | user nobody | children"
                    + " java (pid " + rootsChild + ")");
            assertThat(window.lines("MESSAGE ")).containsExactly("ERROR " + outOfReach);
            assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
            assertThat(cli.out()).contains(outOfReach);
            assertThat(server.process().isAlive()).isTrue();
            assertThat(Ports.alive(rootsChild)).isTrue();

            OtherUser.Result withoutTree = OtherUser.run(Rights.ORDINARY, Launcher.class.getName(), "free",
                    port, "--yes");

            assertThat(withoutTree.exitCode()).as(withoutTree.out() + withoutTree.err()).isZero();
            assertThat(withoutTree.out()).contains("Port " + port + " is free.");
            assertThat(Ports.alive(rootsChild)).as("root's child is not nobody's to end").isTrue();
        }
    }
}
