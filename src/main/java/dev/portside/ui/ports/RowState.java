package dev.portside.ui.ports;

/** Where a row is in its life: what the change highlighting and the watch list show. */
public enum RowState {
    /** Listening, nothing to point out. */
    LISTENING(""),
    /** Appeared in one of the last polls: highlighted for a few seconds. */
    NEW("row-new"),
    /** Closed: kept visible, struck through, for a few seconds before it goes. */
    CLOSING("row-closing"),
    /** A pinned port where nothing listens. */
    NOT_LISTENING("row-not-listening");

    private final String styleClass;

    RowState(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The CSS class a table row in this state carries, or "" for none. */
    public String styleClass() {
        return styleClass;
    }

    /** True while a real socket is open (new or not). */
    public boolean isListening() {
        return this == LISTENING || this == NEW;
    }
}
