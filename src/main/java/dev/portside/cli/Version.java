package dev.portside.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the pom (a filtered resource), e.g. "0.1.0". */
public final class Version implements IVersionProvider {

    private static final String VERSION = load();

    public static String current() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Portside " + current()};
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/portside/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
