package dev.portside.ui.about;

import dev.portside.core.BuildInfo;
import dev.portside.knowledge.Texts;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the About dialog says: version, licence, runtime and the project link. */
public final class AboutViewModel {

    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper licence = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper runtime = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper projectUrl = new ReadOnlyStringWrapper();
    private final Consumer<String> openLink;

    /**
     * @param info     this build (version, link, licence)
     * @param openLink opens a web address in the browser (the app's host services)
     */
    public AboutViewModel(BuildInfo info, Consumer<String> openLink) {
        this.openLink = Objects.requireNonNull(openLink);
        version.set(Texts.get("about.version", info.version()));
        licence.set(Texts.get("about.licence", info.licence()));
        String fx = System.getProperty("javafx.runtime.version");
        runtime.set(Texts.get("about.runtime", System.getProperty("java.version"),
                fx == null ? Texts.get("about.runtime.unknown") : fx));
        projectUrl.set(info.projectUrl());
    }

    // Properties

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty licenceProperty() {
        return licence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runtimeProperty() {
        return runtime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty projectUrlProperty() {
        return projectUrl.getReadOnlyProperty();
    }

    // Commands

    /** Opens the project page in the browser; does nothing when the build has no link. */
    public void openProjectPage() {
        if (!projectUrl.get().isBlank()) {
            openLink.accept(projectUrl.get());
        }
    }
}
