package dev.portside.ui.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class BatchedListTest {

    private final BatchedList<StringProperty> list = new BatchedList<>(p -> new Observable[] {p});
    private final List<String> events = new ArrayList<>();

    BatchedListTest() {
        list.addListener((ListChangeListener<StringProperty>) c -> {
            int changes = 0;
            while (c.next()) {
                changes++;
                if (c.wasUpdated()) {
                    events.add("updated " + c.getFrom() + ".." + c.getTo());
                } else if (c.wasAdded()) {
                    events.add("added " + c.getAddedSize());
                } else if (c.wasRemoved()) {
                    events.add("removed " + c.getRemovedSize());
                }
            }
            events.add("end of " + changes);
        });
    }

    @Test
    void updatesInsideABatchArriveAsOneChange() {
        for (int i = 0; i < 10; i++) {
            list.add(new SimpleStringProperty("v" + i));
        }
        events.clear();
        list.batch(() -> {
            list.get(2).set("x");
            list.get(7).set("y");
            list.get(7).get();
            list.get(7).set("z");
        });
        assertThat(events).containsExactly("updated 2..3", "updated 7..8", "end of 2");
    }

    @Test
    void anUpdateOutsideABatchIsReportedAtOnce() {
        list.add(new SimpleStringProperty("a"));
        list.add(new SimpleStringProperty("b"));
        events.clear();
        list.get(1).set("c");
        assertThat(events).containsExactly("updated 1..2", "end of 1");
    }

    @Test
    void aRemovedElementIsNoLongerWatched() {
        StringProperty gone = new SimpleStringProperty("a");
        list.add(gone);
        list.remove(gone);
        events.clear();
        gone.set("b");
        assertThat(events).isEmpty();
    }

    @Test
    void aSortedViewResortsAfterABatch() {
        for (String s : List.of("b", "d", "f")) {
            list.add(new SimpleStringProperty(s));
        }
        SortedRows<StringProperty> sorted = new SortedRows<>(list);
        sorted.comparatorProperty().set((x, y) -> x.get().compareTo(y.get()));
        list.batch(() -> {
            list.get(0).set("z");
            list.get(2).set("a");
        });
        assertThat(sorted).extracting(StringProperty::get).containsExactly("a", "d", "z");
    }
}
