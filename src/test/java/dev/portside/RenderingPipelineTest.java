package dev.portside;

import dev.portside.platform.OsFamily;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingPipelineTest {

    @TempDir
    Path dev;

    private final Properties props = new Properties();

    @Test
    void aLinuxMachineWithoutAGpuDeviceStartsWithTheSoftwareRenderer() {
        assertThat(RenderingPipeline.choose(props, OsFamily.LINUX, dev)).isTrue();
        assertThat(props.getProperty("prism.order")).isEqualTo("sw");
    }

    @Test
    void aDriRenderNodeOrAnNvidiaDeviceLeavesJavaFxToChoose() throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertThat(RenderingPipeline.choose(props, OsFamily.LINUX, dev)).isFalse();
        assertThat(props.getProperty("prism.order")).isNull();

        Path other = Files.createDirectories(dev.resolve("other"));
        Files.createFile(other.resolve("nvidia0"));
        assertThat(RenderingPipeline.choose(props, OsFamily.LINUX, other)).isFalse();
    }

    @Test
    void theUsersOwnChoiceAndOtherSystemsAreLeftAlone() {
        props.setProperty("prism.order", "es2");
        assertThat(RenderingPipeline.choose(props, OsFamily.LINUX, dev)).isFalse();
        assertThat(props.getProperty("prism.order")).isEqualTo("es2");

        Properties mac = new Properties();
        assertThat(RenderingPipeline.choose(mac, OsFamily.MACOS, dev)).isFalse();
        assertThat(RenderingPipeline.choose(mac, OsFamily.WINDOWS, dev)).isFalse();
        assertThat(mac).isEmpty();
    }
}
