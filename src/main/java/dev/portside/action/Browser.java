package dev.portside.action;

/** Opens a URL in the user's browser (the JavaFX host services in the app, a recorder in tests). */
@FunctionalInterface
public interface Browser {

    void open(String url);
}
