package dev.portside.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.core.BuildInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AboutViewModelTest {

    private final List<String> opened = new ArrayList<>();

    @Test
    void saysVersionLicenceAndRuntime() {
        AboutViewModel model = new AboutViewModel(new BuildInfo("1.2.3", "https://example.org/p", "Apache-2.0"),
                opened::add);

        assertThat(model.versionProperty().get()).isEqualTo("Version 1.2.3");
        assertThat(model.licenceProperty().get()).contains("Apache License 2.0").contains("Apache-2.0");
        assertThat(model.runtimeProperty().get()).contains(System.getProperty("java.version"));
        assertThat(model.projectUrlProperty().get()).isEqualTo("https://example.org/p");
    }

    @Test
    void openProjectPageOpensTheProjectLink() {
        AboutViewModel model = new AboutViewModel(new BuildInfo("1.2.3", "https://example.org/p", "Apache-2.0"),
                opened::add);

        model.openProjectPage();

        assertThat(opened).containsExactly("https://example.org/p");
    }

    @Test
    void aBuildWithoutLinkOpensNothing() {
        AboutViewModel model = new AboutViewModel(new BuildInfo("dev", "", "Apache-2.0"), opened::add);

        model.openProjectPage();

        assertThat(opened).isEmpty();
    }
}
