package dev.portside.cli;

import dev.portside.core.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version from the pom (a filtered resource), e.g. "0.1.0". */
public final class Version implements IVersionProvider {

    public static String current() {
        return BuildInfo.current().version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Portside " + current()};
    }
}
