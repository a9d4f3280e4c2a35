package dev.portside.scan;

import java.util.Arrays;

/**
 * A small open-addressing map from {@code long} (socket inodes, pids) to objects, so that a poll over
 * thousands of sockets looks them up without boxing. Not thread-safe; zero is a valid key.
 */
final class LongMap<V> {

    private static final Object FREE = null;

    private long[] keys;
    private Object[] values;
    private boolean[] used;
    private int size;
    private int mask;

    LongMap() {
        this(16);
    }

    LongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        size = 0;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    boolean containsKey(long key) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** Puts a value (never null); returns the previous one or null. */
    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        size++;
        return null;
    }

    @SuppressWarnings("unchecked")
    V remove(long key) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                V old = (V) values[i];
                deleteAt(i);
                return old;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Visits every entry; the visitor returns false to remove the entry. */
    @SuppressWarnings("unchecked")
    void retain(EntryFilter<V> keep) {
        for (int i = 0; i < keys.length; i++) {
            // deleteAt may move a later entry into slot i: look at the slot again
            while (used[i] && !keep.keep(keys[i], (V) values[i])) {
                deleteAt(i);
            }
        }
    }

    @SuppressWarnings("unchecked")
    void forEach(EntryVisitor<V> visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                visitor.visit(keys[i], (V) values[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(used, false);
        Arrays.fill(values, FREE);
        size = 0;
    }

    interface EntryFilter<V> {
        boolean keep(long key, V value);
    }

    interface EntryVisitor<V> {
        void visit(long key, V value);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Backward-shift deletion: keeps every probe chain intact without tombstones. */
    private void deleteAt(int i) {
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (!used[j]) {
                break;
            }
            int home = slot(keys[j]);
            // move j into the hole when its home is not in (hole, j] cyclically
            boolean between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!between) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        used[hole] = false;
        values[hole] = FREE;
        size--;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
