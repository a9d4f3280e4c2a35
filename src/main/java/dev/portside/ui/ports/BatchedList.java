package dev.portside.ui.ports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ModifiableObservableListBase;
import javafx.util.Callback;

/**
 * An observable list that, like {@code FXCollections.observableArrayList(extractor)}, reports an
 * element as updated when one of its extracted properties changes, but can gather the updates of a
 * whole poll into one change ({@link #batch}) that names each updated element. JavaFX's own
 * {@code SortedList} would sort everything once per update change; {@link SortedRows} handles all
 * of a change's updates together and looks only at the rows they name.
 */
final class BatchedList<E> extends ModifiableObservableListBase<E> {

    private final List<E> items = new ArrayList<>();
    private final Callback<E, Observable[]> extractor;
    private final Map<E, InvalidationListener> listeners = new IdentityHashMap<>();
    private Set<E> pending;
    /** Element → index, for reporting a few updates among many rows; rebuilt after adds and removes. */
    private final Map<E, Integer> positions = new IdentityHashMap<>();
    private boolean positionsValid;

    BatchedList(Callback<E, Observable[]> extractor) {
        this.extractor = extractor;
    }

    /** Runs the work; element updates it causes are reported together at the end, as one change. */
    void batch(Runnable work) {
        if (pending != null) {
            work.run();
            return;
        }
        pending = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            work.run();
        } finally {
            Set<E> updated = pending;
            pending = null;
            fireUpdated(updated);
        }
    }

    private void fireUpdated(Set<E> updated) {
        if (updated.isEmpty()) {
            return;
        }
        if (!positionsValid) {
            positions.clear();
            for (int i = 0; i < items.size(); i++) {
                positions.put(items.get(i), i);
            }
            positionsValid = true;
        }
        int[] indexes = new int[updated.size()];
        int n = 0;
        for (E e : updated) {
            Integer i = positions.get(e);
            if (i != null) { // an element updated and removed in the same batch is gone
                indexes[n++] = i;
            }
        }
        Arrays.sort(indexes, 0, n);
        // one change that names exactly the updated elements: the views downstream (filter, sort)
        // then look at those rows only
        beginChange();
        for (int k = 0; k < n; k++) {
            nextUpdate(indexes[k]);
        }
        endChange();
    }

    private void changed(E element) {
        if (pending != null) {
            pending.add(element);
        } else {
            fireUpdated(Collections.singleton(element));
        }
    }

    private void observe(E element) {
        if (!listeners.containsKey(element)) {
            InvalidationListener l = o -> changed(element);
            for (Observable o : extractor.call(element)) {
                o.addListener(l);
            }
            listeners.put(element, l);
        }
    }

    private void forget(E element) {
        InvalidationListener l = listeners.remove(element);
        if (l != null) {
            for (Observable o : extractor.call(element)) {
                o.removeListener(l);
            }
        }
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected void doAdd(int index, E element) {
        items.add(index, element);
        positionsValid = false;
        observe(element);
    }

    @Override
    protected E doSet(int index, E element) {
        E old = items.set(index, element);
        positionsValid = false;
        if (old != element) {
            forget(old);
            observe(element);
        }
        return old;
    }

    @Override
    protected E doRemove(int index) {
        E old = items.remove(index);
        positionsValid = false;
        forget(old);
        return old;
    }
}
