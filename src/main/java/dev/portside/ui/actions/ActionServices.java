package dev.portside.ui.actions;

import dev.portside.poll.BackgroundRunner;
import dev.portside.action.Browser;
import dev.portside.action.ContainerStop;
import dev.portside.action.PortFreer;
import dev.portside.action.TextClipboard;
import dev.portside.action.UrlBuilder;
import dev.portside.owner.ContainerStopper;
import dev.portside.owner.OwnerFinder;
import java.util.Objects;

/**
 * What the actions need from outside the view model: the port freer (with its own scanner, used on
 * the runner's background thread only), URLs, clipboard, browser, the runner, a way to ask the
 * poller for a fresh table after a kill, and the owner facts (a container's port is freed by
 * stopping the container; a service is named with the command that stops it for good).
 */
public record ActionServices(PortFreer freer, UrlBuilder urls, TextClipboard clipboard, Browser browser,
        BackgroundRunner runner, Runnable rescan, OwnerFinder owners) {

    public ActionServices {
        Objects.requireNonNull(freer, "freer");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(clipboard, "clipboard");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(rescan, "rescan");
        Objects.requireNonNull(owners, "owners");
    }

    /** Without owner facts: every port is freed by ending its processes (tests about that). */
    public ActionServices(PortFreer freer, UrlBuilder urls, TextClipboard clipboard, Browser browser,
            BackgroundRunner runner, Runnable rescan) {
        this(freer, urls, clipboard, browser, runner, rescan, OwnerFinder.none());
    }

    /** Stops containers through the engines these owner facts come from. */
    public ContainerStop containerStop() {
        return new ContainerStop(freer, new ContainerStopper(owners.containers()));
    }
}
