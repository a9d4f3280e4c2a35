package dev.portside.platform;

/**
 * Names the JDK's own selector provider on Linux ({@code sun.nio.ch.EPollSelectorProvider}, the one
 * the JDK picks there anyway), unless the user named one. Otherwise the first selector or socket
 * channel of the JVM (a container engine's request, a diagnosis's probe) asks {@code ServiceLoader}
 * for another provider first, which opens every jar on the class path to look for one: 20-25 ms of
 * a {@code portside list} (docs/PERFORMANCE.md, "Start-up of a command"). No jar of Portside's
 * provides one. Called first thing in {@code Launcher.main}, before anything reads the property.
 */
public final class SelectorProviderChoice {

    static final String PROPERTY = "java.nio.channels.spi.SelectorProvider";
    static final String LINUX_DEFAULT = "sun.nio.ch.EPollSelectorProvider";

    private SelectorProviderChoice() {
    }

    public static void apply() {
        if (OsFamily.current() == OsFamily.LINUX && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, LINUX_DEFAULT);
        }
    }
}
