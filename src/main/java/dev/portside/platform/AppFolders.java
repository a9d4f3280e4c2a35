package dev.portside.platform;

import java.nio.file.Path;

/** Where Portside keeps its files on this system. The folders may not exist yet. */
public interface AppFolders {

    /** The settings ({@code settings.json}). */
    Path configDir();

    /** Log files (a window started from the desktop has no terminal for its log). */
    Path logDir();
}
