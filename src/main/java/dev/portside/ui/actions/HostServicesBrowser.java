package dev.portside.ui.actions;

import dev.portside.action.Browser;
import java.util.Objects;
import javafx.application.HostServices;

/** Opens URLs through the JavaFX host services (the desktop's default browser). */
public final class HostServicesBrowser implements Browser {

    private final HostServices hostServices;

    public HostServicesBrowser(HostServices hostServices) {
        this.hostServices = Objects.requireNonNull(hostServices);
    }

    @Override
    public void open(String url) {
        hostServices.showDocument(url);
    }
}
