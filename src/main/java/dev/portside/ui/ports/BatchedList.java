package dev.portside.ui.ports;

import java.util.ArrayList;
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
 * whole poll into one change ({@link #batch}). A sorted list re-sorts once per update change, so
 * 100 separate updates on 10,000 rows would mean 100 full sorts; one batched change means one.
 */
final class BatchedList<E> extends ModifiableObservableListBase<E> {

    private final List<E> items = new ArrayList<>();
    private final Callback<E, Observable[]> extractor;
    private final Map<E, InvalidationListener> listeners = new IdentityHashMap<>();
    private Set<E> pending;

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
        // one contiguous range: a sorted list handles it with a single sort
        int from = -1;
        int to = -1;
        for (int i = 0; i < items.size(); i++) {
            if (updated.contains(items.get(i))) {
                if (from < 0) {
                    from = i;
                }
                to = i;
            }
        }
        if (from >= 0) {
            beginChange();
            for (int i = from; i <= to; i++) {
                nextUpdate(i);
            }
            endChange();
        }
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
        observe(element);
    }

    @Override
    protected E doSet(int index, E element) {
        E old = items.set(index, element);
        if (old != element) {
            forget(old);
            observe(element);
        }
        return old;
    }

    @Override
    protected E doRemove(int index) {
        E old = items.remove(index);
        forget(old);
        return old;
    }
}
