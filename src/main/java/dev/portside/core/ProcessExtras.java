package dev.portside.core;

import java.util.Objects;

/**
 * Details of a process beyond {@link ProcessInfo} that cost an OS read each, fetched only for the
 * process the user looks at.
 *
 * @param parentName the parent process's name, or ""
 * @param workingDirectory the process's current folder, or "" when the OS does not tell
 */
public record ProcessExtras(String parentName, String workingDirectory) {

    public static final ProcessExtras NONE = new ProcessExtras("", "");

    public ProcessExtras {
        parentName = Objects.requireNonNullElse(parentName, "");
        workingDirectory = Objects.requireNonNullElse(workingDirectory, "");
    }
}
