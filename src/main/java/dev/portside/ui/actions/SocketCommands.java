package dev.portside.ui.actions;

import dev.portside.action.Browser;
import dev.portside.action.TextClipboard;
import dev.portside.action.UrlBuilder;
import dev.portside.core.ListeningSocket;
import dev.portside.core.Printable;
import dev.portside.core.ProcessInfo;
import dev.portside.knowledge.HiddenOwners;
import dev.portside.knowledge.Texts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What can be done with a socket besides ending its owner: copy its URL, its address, its owner's
 * pid or the whole row, and open the URL in the browser. Each says what it did (or why it could not)
 * through {@code tell}; whether a command is enabled is the view model's business.
 */
final class SocketCommands {

    private final UrlBuilder urls;
    private final TextClipboard clipboard;
    private final Browser browser;
    private final Consumer<ActionMessage> tell;

    SocketCommands(UrlBuilder urls, TextClipboard clipboard, Browser browser, Consumer<ActionMessage> tell) {
        this.urls = Objects.requireNonNull(urls);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.browser = Objects.requireNonNull(browser);
        this.tell = Objects.requireNonNull(tell);
    }

    /** The URL of the socket, if it has one (TCP). */
    Optional<String> url(ListeningSocket s) {
        return s == null ? Optional.empty() : urls.url(s);
    }

    void copyUrl(ListeningSocket s) {
        url(s).ifPresent(url -> copy(url, Texts.get("action.copied.url", url)));
    }

    void open(ListeningSocket s) {
        url(s).ifPresent(url -> {
            try {
                browser.open(url);
                info(Texts.get("action.opened", url), ActionMessage.Kind.INFO);
            } catch (RuntimeException e) {
                info(Texts.get("action.open.failed", url), ActionMessage.Kind.ERROR);
            }
        });
    }

    /** {@code 127.0.0.1:3000} or {@code [::1]:3000}. */
    void copyAddress(ListeningSocket s) {
        copy(s.endpoint(), Texts.get("action.copied.text", s.endpoint()));
    }

    void copyPid(ListeningSocket s) {
        if (s.ownerPid().isPresent()) {
            String pid = String.valueOf(s.ownerPid().getAsInt());
            copy(pid, Texts.get("action.copied.text", pid));
        }
    }

    /** The row as tab-separated text (pastes into a spreadsheet or a bug report). */
    void copyRow(ListeningSocket s) {
        copy(rowText(s), Texts.get("action.copied.row", s.endpoint()));
    }

    /**
     * The row's cells, tab-separated: the real values (a paste is data, like JSON), with only tabs
     * and line breaks escaped so that one socket stays one line of the table it is pasted into.
     */
    static String rowText(ListeningSocket s) {
        ProcessInfo owner = s.owner().orElse(null);
        List<String> cells = List.of(s.protocol().label(), s.address().toString(), String.valueOf(s.port()),
                Texts.get("category." + s.category().id()),
                owner == null ? HiddenOwners.rowText(s.user()) : owner.displayName(), // as the row shows it
                owner == null ? "" : String.valueOf(owner.pid()),
                s.userName(),
                owner == null ? "" : owner.commandLine());
        return String.join("\t", cells.stream().map(SocketCommands::oneCell).toList());
    }

    private static String oneCell(String text) {
        return text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : Printable.of(text);
    }

    private void copy(String text, String confirmation) {
        clipboard.putText(text);
        info(confirmation, ActionMessage.Kind.INFO);
    }

    /** Clipboard and browser only go to the status bar; a failure pops up. */
    private void info(String text, ActionMessage.Kind kind) {
        tell.accept(new ActionMessage(text, kind, kind != ActionMessage.Kind.INFO));
    }
}
