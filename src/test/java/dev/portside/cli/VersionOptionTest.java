package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VersionOptionTest {

    @Test
    void versionOptionPrintsThePomVersionWithoutOpeningTheWindow() {
        AtomicBoolean guiOpened = new AtomicBoolean();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PortsideCommand(args -> guiOpened.set(true)));
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("--version");

        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("Portside " + BuildInfo.current().version());
        assertThat(guiOpened).isFalse();
    }
}
