package dev.portside.action;

/** Where "copy" puts text: the system clipboard in the app, a field in tests. */
@FunctionalInterface
public interface TextClipboard {

    void putText(String text);
}
