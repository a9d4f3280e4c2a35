package dev.portside.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void versionAndLinkComeFromThePomNotFromPlaceholders() {
        BuildInfo info = BuildInfo.current();

        assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
        assertThat(info.projectUrl()).startsWith("https://").doesNotContain("${");
        assertThat(info.licence()).isEqualTo("Apache-2.0");
    }
}
