package dev.portside.ui.actions;

import dev.portside.poll.BackgroundRunner;
import dev.portside.action.Browser;
import dev.portside.action.PortFreer;
import dev.portside.action.TextClipboard;
import dev.portside.action.UrlBuilder;
import java.util.Objects;

/**
 * What the actions need from outside the view model: the port freer (with its own scanner, used on
 * the runner's background thread only), URLs, clipboard, browser, the runner, and a way to ask the
 * poller for a fresh table after a kill.
 */
public record ActionServices(PortFreer freer, UrlBuilder urls, TextClipboard clipboard, Browser browser,
        BackgroundRunner runner, Runnable rescan) {

    public ActionServices {
        Objects.requireNonNull(freer, "freer");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(clipboard, "clipboard");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(rescan, "rescan");
    }
}
