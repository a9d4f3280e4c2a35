package dev.portside.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build of Portside is: the version and project link from the pom (a filtered resource,
 * {@code dev/portside/version.properties}) and its licence.
 */
public record BuildInfo(String version, String projectUrl, String licence) {

    /** The SPDX id of the licence in the LICENSE file. */
    public static final String LICENCE = "Apache-2.0";

    private static final BuildInfo CURRENT = load();

    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BundledFiles.open(BuildInfo.class, "/dev/portside/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves the defaults below
        }
        return new BuildInfo(p.getProperty("version", "dev"), p.getProperty("url", ""), LICENCE);
    }
}
