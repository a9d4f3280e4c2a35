package dev.portside.ui.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The sorted view must always hold the source in order (equal elements in source order), and its
 * change events must be exact: a copy of the list that replays every event must equal the view.
 */
class SortedRowsTest {

    /** An element whose sort key can change in place, like a row whose owner changes. */
    static final class Item {
        final String name;
        final IntegerProperty key = new SimpleIntegerProperty();

        Item(String name, int key) {
            this.name = name;
            this.key.set(key);
        }

        Observable[] observables() {
            return new Observable[] {key};
        }

        @Override
        public String toString() {
            return name + "=" + key.get();
        }
    }

    private static final Comparator<Item> BY_KEY = Comparator.comparingInt(i -> i.key.get());

    /** Replays every change on a plain list and remembers what was reported as updated. */
    static final class Mirror<E> implements ListChangeListener<E> {
        final List<E> copy;
        final List<E> updated = new ArrayList<>();
        int permutations;
        int changes;

        Mirror(List<E> start) {
            copy = new ArrayList<>(start);
        }

        @Override
        public void onChanged(Change<? extends E> c) {
            changes++;
            while (c.next()) {
                if (c.wasPermutated()) {
                    permutations++;
                    List<E> before = new ArrayList<>(copy.subList(c.getFrom(), c.getTo()));
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        copy.set(c.getPermutation(i), before.get(i - c.getFrom()));
                    }
                } else if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        updated.add(c.getList().get(i));
                    }
                } else {
                    copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                    copy.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        }
    }

    private static List<Item> expected(List<Item> source, Comparator<Item> order, Predicate<Item> filter) {
        List<Item> shown = new ArrayList<>(source.stream().filter(filter).toList());
        if (order != null) {
            shown.sort(order); // List.sort is stable: equal keys stay in source order
        }
        return shown;
    }

    @Test
    void updatesThatKeepTheOrderAreReportedAsUpdatesOfThoseRowsOnly() {
        BatchedList<Item> source = new BatchedList<>(Item::observables);
        for (int i = 0; i < 1000; i++) {
            source.add(new Item("i" + i, i * 10));
        }
        SortedRows<Item> sorted = new SortedRows<>(source);
        sorted.comparatorProperty().set(BY_KEY);
        Mirror<Item> mirror = new Mirror<>(sorted);
        sorted.addListener(mirror);

        List<Item> touched = List.of(source.get(3), source.get(500), source.get(999));
        source.batch(() -> touched.forEach(i -> i.key.set(i.key.get() + 1))); // still between neighbours

        assertThat(mirror.changes).isEqualTo(1);
        assertThat(mirror.permutations).isZero();
        assertThat(mirror.updated).containsExactlyElementsOf(touched);
        assertThat(mirror.copy).containsExactlyElementsOf(sorted);
    }

    @Test
    void anUpdatedRowThatMustMovePermutesOnlyTheRangeItCrosses() {
        BatchedList<Item> source = new BatchedList<>(Item::observables);
        for (int i = 0; i < 100; i++) {
            source.add(new Item("i" + i, i * 10));
        }
        SortedRows<Item> sorted = new SortedRows<>(source);
        sorted.comparatorProperty().set(BY_KEY);
        List<int[]> ranges = new ArrayList<>();
        sorted.addListener((ListChangeListener<Item>) c -> {
            while (c.next()) {
                if (c.wasPermutated()) {
                    ranges.add(new int[] {c.getFrom(), c.getTo()});
                }
            }
        });
        Item moved = source.get(10);
        moved.key.set(205); // from view index 10 to just after key 200 (index 20)

        assertThat(ranges).hasSize(1);
        assertThat(ranges.get(0)).containsExactly(10, 21);
        assertThat(sorted.indexOf(moved)).isEqualTo(20);
        assertThat(sorted).containsExactlyElementsOf(expected(source, BY_KEY, i -> true));
    }

    @Test
    void equalElementsKeepTheSourceOrderAndNoComparatorShowsTheSourceAsItIs() {
        ObservableList<Item> source = FXCollections.observableArrayList(Item::observables);
        source.addAll(new Item("a", 2), new Item("b", 1), new Item("c", 2), new Item("d", 1));
        SortedRows<Item> sorted = new SortedRows<>(source);
        assertThat(sorted).extracting(i -> i.name).containsExactly("a", "b", "c", "d");
        sorted.comparatorProperty().set(BY_KEY);
        assertThat(sorted).extracting(i -> i.name).containsExactly("b", "d", "a", "c");
        sorted.comparatorProperty().set(null);
        assertThat(sorted).extracting(i -> i.name).containsExactly("a", "b", "c", "d");
        assertThat(sorted.getSourceIndex(1)).isEqualTo(1);
    }

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, 40);
    }

    /** Random adds, removes, batched updates, source permutations, filter and comparator changes. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void randomEditsKeepTheViewSortedAndTheEventsExact(long seed) {
        Random random = new Random(seed);
        boolean filtered = seed % 2 == 0;
        ObservableList<Item> plain = FXCollections.observableArrayList(Item::observables);
        BatchedList<Item> batched = new BatchedList<>(Item::observables);
        ObservableList<Item> source = seed % 4 < 2 ? batched : plain;
        Predicate<Item> filter = filtered ? i -> i.key.get() % 5 != 0 : i -> true;
        FilteredList<Item> filteredList = filtered ? new FilteredList<>(source, filter) : null;
        ObservableList<Item> upstream = filtered ? filteredList : source;
        for (int i = 0; i < 40; i++) {
            source.add(new Item("s" + i, random.nextInt(50)));
        }
        SortedRows<Item> sorted = new SortedRows<>(upstream);
        Comparator<Item> order = BY_KEY;
        sorted.comparatorProperty().set(order);
        Mirror<Item> mirror = new Mirror<>(sorted);
        sorted.addListener(mirror);
        int next = 40;
        for (int step = 0; step < 400; step++) {
            int op = random.nextInt(10);
            if (op < 2) {
                source.add(random.nextInt(source.size() + 1), new Item("s" + next++, random.nextInt(50)));
            } else if (op < 3 && source.size() > 3) {
                int from = random.nextInt(source.size() - 2);
                source.remove(from, from + 1 + random.nextInt(2));
            } else if (op < 4) {
                List<Item> more = new ArrayList<>();
                for (int k = random.nextInt(4); k >= 0; k--) {
                    more.add(new Item("s" + next++, random.nextInt(50)));
                }
                source.addAll(more);
            } else if (op < 8 && !source.isEmpty()) {
                int count = 1 + random.nextInt(6);
                Runnable edit = () -> {
                    for (int k = 0; k < count; k++) {
                        Item it = source.get(random.nextInt(source.size()));
                        it.key.set(random.nextBoolean() ? it.key.get() + random.nextInt(3) - 1 : random.nextInt(50));
                    }
                };
                if (source == batched) {
                    batched.batch(edit);
                } else {
                    edit.run();
                }
            } else if (op < 9 && source == plain) {
                FXCollections.sort(plain, Comparator.comparing(i -> i.name.hashCode() ^ random.nextInt(3)));
            } else if (op < 9 && filteredList != null) {
                // the user types in the filter: everything out, the matching rows back in
                int mod = 2 + random.nextInt(5);
                filter = i -> i.key.get() % mod != 0;
                filteredList.setPredicate(filter);
            } else {
                order = switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> BY_KEY.reversed();
                    default -> BY_KEY;
                };
                sorted.comparatorProperty().set(order);
            }
            assertThat(sorted).as("step %d op %d", step, op).containsExactlyElementsOf(expected(source, order, filter));
            assertThat(mirror.copy).as("events replayed, step %d", step).containsExactlyElementsOf(sorted);
            for (int v = 0; v < sorted.size(); v++) {
                assertThat(sorted.getViewIndex(sorted.getSourceIndex(v))).isEqualTo(v);
                assertThat(upstream.get(sorted.getSourceIndex(v))).isSameAs(sorted.get(v));
            }
        }
    }
}
