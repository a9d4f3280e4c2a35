package dev.portside.ui.ports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * A constrained resize policy (the columns fill the table, no sideways scrolling) that gives room to
 * one column, the one whose text is longest: width the table gains goes to it first, and width it
 * loses is taken from the other columns first (from the last one back, each down to its minimum),
 * so that it is the last to elide. JavaFX's own policies flex the last or the next column, which
 * cut "Vite dev server — shop" in the What column beside the detail pane while the Since column
 * kept room to spare. A column the user drags keeps the width given; the others make up for it in
 * the same order. Widths restored from the settings are the columns' preferred widths: they stand
 * whenever they fit.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TableView's policy type is Callback<ResizeFeatures, Boolean>, raw
final class FlexColumnResize extends ConstrainedColumnResizeBase implements Callback<TableView.ResizeFeatures, Boolean> {

    private final TableColumn<?, ?> flex;

    FlexColumnResize(TableColumn<?, ?> flex) {
        this.flex = flex;
    }

    @Override
    public Boolean call(TableView.ResizeFeatures f) {
        TableView<?> table = f.getTable();
        if (table == null) {
            return false;
        }
        List<TableColumn<?, ?>> columns = new ArrayList<>(table.getVisibleLeafColumns());
        if (columns.isEmpty()) {
            return false;
        }
        TableColumn<?, ?> dragged = f.getColumn();
        if (dragged != null && f.getDelta() != null) {
            f.setColumnWidth(dragged, clamp(dragged, dragged.getWidth() + f.getDelta()));
        }
        double total = 0;
        for (TableColumn<?, ?> c : columns) {
            total += c.getWidth();
        }
        double diff = f.getContentWidth() - total;
        if (Math.abs(diff) < 0.5) {
            return true;
        }
        // Who gives or takes the difference, in order: room gained goes to the flexible column; room
        // lost comes first from what it gained above its own width, then from the others (the last
        // first), and from it only when they are all at their minimum.
        List<TableColumn<?, ?>> others = new ArrayList<>(columns);
        others.remove(flex);
        others.remove(dragged);
        Collections.reverse(others);
        boolean flexShown = columns.contains(flex) && flex != dragged;
        if (diff > 0) {
            if (flexShown) {
                diff = give(f, flex, diff, flex.getMinWidth());
            }
            for (TableColumn<?, ?> c : others) {
                diff = give(f, c, diff, c.getMinWidth());
            }
            return true;
        }
        if (flexShown) {
            diff = give(f, flex, diff, Math.min(flex.getWidth(), Math.max(flex.getMinWidth(), flex.getPrefWidth())));
        }
        for (TableColumn<?, ?> c : others) {
            diff = give(f, c, diff, c.getMinWidth());
        }
        if (flexShown) {
            diff = give(f, flex, diff, flex.getMinWidth());
        }
        if (dragged != null) {
            give(f, dragged, diff, dragged.getMinWidth()); // the others are at their minimum: the drag stops there
        }
        return true;
    }

    /** Changes {@code c}'s width by as much of {@code diff} as it can, not below {@code floor}; returns the rest. */
    private static double give(TableView.ResizeFeatures f, TableColumn<?, ?> c, double diff, double floor) {
        if (Math.abs(diff) < 0.5) {
            return diff;
        }
        double wanted = Math.max(floor, clamp(c, c.getWidth() + diff));
        if (wanted != c.getWidth()) {
            double rest = diff - (wanted - c.getWidth());
            f.setColumnWidth(c, wanted);
            return rest;
        }
        return diff;
    }

    private static double clamp(TableColumn<?, ?> c, double width) {
        return Math.max(c.getMinWidth(), Math.min(c.getMaxWidth(), width));
    }
}
