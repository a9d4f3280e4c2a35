package dev.portside.ui.ports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener.Change;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

/**
 * A sorted view of a list, like JavaFX's {@code SortedList}, that stays cheap when a few of many
 * elements are updated. {@code SortedList} answers every update change with a sort of the whole list
 * and a permutation of every row, which the table then works through; with 10,000 rows and a poll
 * that gives 100 of them a new owner, that is most of the poll's cost on the FX thread. Here an
 * update first checks whether the updated elements are still in order (they are, unless the table
 * is sorted by the column that changed) and then reports only those rows as updated; elements that
 * must move are taken out and merged back in, and only the range between the old and new places is
 * reported as permuted.
 *
 * <p>Elements that compare equal keep the order of the source list, so a {@code null} comparator
 * shows the source as it is.
 */
final class SortedRows<E> extends TransformationList<E, E> {

    /** The elements in view order. Kept here, not read from the source, because while a change with
     *  several parts is worked through, the source is already in its final state. */
    private Object[] items;
    /** View index → source index. */
    private int[] order;
    private int size;
    /** Source index → view index; rebuilt when needed after adds, removes and moves. */
    private int[] inverse = new int[0];
    private boolean inverseValid;
    /**
     * While the adds and removes of a change are worked through: the elements that may be out of
     * place until a later part removes or moves them (see {@link #staleElements}). Inserting
     * elements must not compare with them.
     */
    private Set<Object> stale;

    /** Run just before and just after each change is reported (see {@link #aroundChanges}). */
    private Runnable beforeChange = () -> { };
    private Runnable afterChange = () -> { };

    private final ObjectProperty<Comparator<? super E>> comparator = new SimpleObjectProperty<>(this, "comparator") {
        @Override
        protected void invalidated() {
            beginChange();
            try {
                resortAll();
            } finally {
                report();
            }
        }
    };

    SortedRows(ObservableList<? extends E> source) {
        super(source);
        size = source.size();
        items = new Object[Math.max(16, size)];
        order = new int[items.length];
        for (int i = 0; i < size; i++) {
            items[i] = source.get(i);
            order[i] = i;
        }
    }

    /**
     * Runs {@code before} just before each change goes to the listeners and {@code after} once they
     * all had it. The table's selection model is one of them, and it may move the selection to a
     * neighbour when the chosen row goes: the view ignores what the table selects in between and then
     * puts the view model's choice back ({@link PortsView}).
     */
    void aroundChanges(Runnable before, Runnable after) {
        this.beforeChange = before;
        this.afterChange = after;
    }

    /** Ends the outermost change: the listeners get it, wrapped in {@link #aroundChanges}. */
    private void report() {
        beforeChange.run();
        try {
            endChange();
        } finally {
            afterChange.run();
        }
    }

    /** The order; bind it to {@code TableView.comparatorProperty()}. Null shows the source order. */
    ObjectProperty<Comparator<? super E>> comparatorProperty() {
        return comparator;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (E) items[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int getSourceIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return order[index];
    }

    @Override
    public int getViewIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return inverse()[index];
    }

    /** Source index → view index. The view holds every source element, so both have {@code size}. */
    private int[] inverse() {
        if (!inverseValid) {
            if (inverse.length < size) {
                inverse = new int[order.length];
            }
            for (int v = 0; v < size; v++) {
                inverse[order[v]] = v;
            }
            inverseValid = true;
        }
        return inverse;
    }

    /** Compares two (element, source index) entries; equal elements go by source index. */
    @SuppressWarnings("unchecked")
    private int compare(Object a, int sa, Object b, int sb) {
        Comparator<? super E> c = comparator.get();
        if (c != null && a != b) {
            int r = c.compare((E) a, (E) b);
            if (r != 0) {
                return r;
            }
        }
        return Integer.compare(sa, sb);
    }

    /**
     * Where the entry (e, s) belongs among the first n entries of (its, srcs), skipping stale
     * elements: whatever is not stale is in order, and stale elements are moved later anyway.
     */
    private int insertionPoint(Object[] its, int[] srcs, int n, Object e, int s) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int m = mid;
            while (stale != null && m < hi && stale.contains(its[m])) {
                m++;
            }
            if (m < hi && compare(its[m], srcs[m], e, s) < 0) {
                lo = m + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The elements whose sort key may have changed while a change that also adds elements is worked
     * through; otherwise null. Those are the updated ones, and the removed ones too: a filtered list
     * reports an element whose new value fails the filter as removed, and it may be out of place until
     * its removal is worked through.
     */
    private static Set<Object> staleElements(Change<?> c) {
        boolean adds = false;
        boolean others = false;
        while (c.next()) {
            adds |= c.wasAdded();
            others |= c.wasUpdated() || c.wasRemoved();
        }
        c.reset();
        if (!adds || !others) {
            return null;
        }
        Set<Object> found = Collections.newSetFromMap(new IdentityHashMap<>());
        while (c.next()) {
            if (c.wasUpdated()) {
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    found.add(c.getList().get(i));
                }
            } else if (c.wasRemoved()) {
                found.addAll(c.getRemoved());
            }
        }
        c.reset();
        return found;
    }

    private boolean inOrder(int v) {
        return v + 1 >= size || compare(items[v], order[v], items[v + 1], order[v + 1]) < 0;
    }

    @Override
    protected void sourceChanged(Change<? extends E> c) {
        int[] updated = new int[8];
        int updatedCount = 0;
        stale = staleElements(c);
        beginChange();
        try {
            while (c.next()) {
                if (c.wasPermutated()) {
                    for (int v = 0; v < size; v++) {
                        if (order[v] >= c.getFrom() && order[v] < c.getTo()) {
                            order[v] = c.getPermutation(order[v]);
                        }
                    }
                    inverseValid = false;
                    resortAll(); // equal elements go by source index, which just changed
                } else if (c.wasUpdated()) {
                    for (int s = c.getFrom(); s < c.getTo(); s++) {
                        if (updatedCount == updated.length) {
                            updated = Arrays.copyOf(updated, updatedCount * 2);
                        }
                        updated[updatedCount++] = s;
                    }
                } else {
                    if (c.wasRemoved()) {
                        removeSources(c.getFrom(), c.getRemovedSize(), c.getRemoved());
                    }
                    if (c.wasAdded()) {
                        addSources(c.getFrom(), c.getAddedSubList());
                    }
                }
            }
        } finally {
            stale = null;
            report();
        }
        if (updatedCount > 0) {
            // Update parts come last and refer to the source as it is now. They go out as a change of
            // their own: a permutation after adds and removes in one change is more than JavaFX's
            // change builder reliably merges.
            beginChange();
            try {
                updateSources(updated, updatedCount);
            } finally {
                report();
            }
        }
    }

    private void removeSources(int from, int count, List<? extends E> removed) {
        if (count == size) { // everything (a filter that changed): one part, not one per row
            List<Object> all = new ArrayList<>(Arrays.asList(items).subList(0, size));
            Arrays.fill(items, 0, size, null);
            size = 0;
            inverseValid = false;
            @SuppressWarnings("unchecked")
            List<E> gone = (List<E>) (List<?>) all;
            nextRemove(0, gone);
            return;
        }
        int[] inv = inverse();
        int[] positions = new int[count];
        for (int k = 0; k < count; k++) {
            positions[k] = inv[from + k];
        }
        Integer[] byPosition = new Integer[count];
        for (int k = 0; k < count; k++) {
            byPosition[k] = k;
        }
        // highest position first: each reported removal leaves the lower positions where they were
        Arrays.sort(byPosition, (x, y) -> Integer.compare(positions[y], positions[x]));
        for (Integer k : byPosition) {
            nextRemove(positions[k], removed.get(k));
        }
        int w = 0;
        for (int v = 0; v < size; v++) {
            int s = order[v];
            if (s >= from && s < from + count) {
                continue;
            }
            items[w] = items[v];
            order[w++] = s >= from + count ? s - count : s;
        }
        Arrays.fill(items, w, size, null);
        size = w;
        inverseValid = false;
    }

    private void addSources(int from, List<? extends E> added) {
        int count = added.size();
        ensureCapacity(size + count);
        if (size == 0) { // into an empty view: one sort and one part
            Integer[] byOrder = new Integer[count];
            for (int k = 0; k < count; k++) {
                byOrder[k] = k;
            }
            Arrays.sort(byOrder, (x, y) -> compare(added.get(x), from + x, added.get(y), from + y));
            for (int v = 0; v < count; v++) {
                items[v] = added.get(byOrder[v]);
                order[v] = from + byOrder[v];
            }
            size = count;
            inverseValid = false;
            nextAdd(0, count);
            return;
        }
        if (from < size) { // not an append: the source indexes behind it move up
            for (int v = 0; v < size; v++) {
                if (order[v] >= from) {
                    order[v] += count;
                }
            }
        }
        for (int k = 0; k < count; k++) {
            E e = added.get(k);
            int s = from + k;
            int pos = insertionPoint(items, order, size, e, s);
            System.arraycopy(items, pos, items, pos + 1, size - pos);
            System.arraycopy(order, pos, order, pos + 1, size - pos);
            items[pos] = e;
            order[pos] = s;
            size++;
            nextAdd(pos, pos + 1);
        }
        inverseValid = false;
    }

    private void updateSources(int[] updated, int count) {
        int[] inv = inverse();
        boolean sorted = true;
        for (int k = 0; k < count && sorted; k++) {
            int v = inv[updated[k]];
            sorted = (v == 0 || inOrder(v - 1)) && inOrder(v);
        }
        if (!sorted) {
            moveUpdated(updated, count);
            inv = inverse();
        }
        int[] positions = new int[count];
        for (int k = 0; k < count; k++) {
            positions[k] = inv[updated[k]];
        }
        Arrays.sort(positions);
        for (int p : positions) {
            nextUpdate(p);
        }
    }

    /**
     * Takes the updated elements out (what remains is still sorted), finds where each belongs among
     * the rest, merges them back in, and reports the range that changed as one permutation.
     */
    private void moveUpdated(int[] updated, int count) {
        boolean[] isUpdated = new boolean[size];
        for (int k = 0; k < count; k++) {
            isUpdated[updated[k]] = true;
        }
        Object[] restItems = new Object[size - count];
        int[] rest = new int[size - count];
        int n = 0;
        for (int v = 0; v < size; v++) {
            if (!isUpdated[order[v]]) {
                restItems[n] = items[v];
                rest[n++] = order[v];
            }
        }
        int[] inv = inverse();
        Integer[] moving = new Integer[count];
        for (int k = 0; k < count; k++) {
            moving[k] = updated[k];
        }
        Arrays.sort(moving, (a, b) -> compare(items[inv[a]], a, items[inv[b]], b));
        Object[] mergedItems = new Object[items.length];
        int[] merged = new int[order.length];
        int r = 0;
        int w = 0;
        for (int s : moving) {
            Object e = items[inv[s]];
            int at = insertionPoint(restItems, rest, n, e, s);
            while (r < at) {
                mergedItems[w] = restItems[r];
                merged[w++] = rest[r++];
            }
            mergedItems[w] = e;
            merged[w++] = s;
        }
        while (r < n) {
            mergedItems[w] = restItems[r];
            merged[w++] = rest[r++];
        }
        int lo = 0;
        while (lo < size && merged[lo] == order[lo]) {
            lo++;
        }
        int hi = size;
        while (hi > lo && merged[hi - 1] == order[hi - 1]) {
            hi--;
        }
        if (lo < hi) {
            int[] perm = new int[hi - lo];
            for (int v = lo; v < hi; v++) {
                inverse[merged[v]] = v; // the inverse is now the new one, for [lo, hi) and outside it
            }
            for (int v = lo; v < hi; v++) {
                perm[v - lo] = inverse[order[v]]; // the element that was at v is now at perm
            }
            items = mergedItems;
            order = merged;
            nextPermutation(lo, hi, perm);
        }
    }

    /** Sorts everything again (a new comparator, or a permuted source) as one permutation. */
    private void resortAll() {
        Integer[] sorted = new Integer[size];
        for (int v = 0; v < size; v++) {
            sorted[v] = v; // view indexes
        }
        Arrays.sort(sorted, (a, b) -> compare(items[a], order[a], items[b], order[b]));
        int[] perm = new int[size];
        boolean moved = false;
        Object[] newItems = new Object[items.length];
        int[] newOrder = new int[order.length];
        for (int v = 0; v < size; v++) {
            int was = sorted[v];
            perm[was] = v;
            moved |= was != v;
            newItems[v] = items[was];
            newOrder[v] = order[was];
        }
        items = newItems;
        order = newOrder;
        inverseValid = false;
        if (moved && size > 0) {
            nextPermutation(0, size, perm);
        }
    }

    private void ensureCapacity(int capacity) {
        if (order.length < capacity) {
            int grown = Math.max(capacity, order.length * 3 / 2 + 1);
            items = Arrays.copyOf(items, grown);
            order = Arrays.copyOf(order, grown);
        }
    }
}
