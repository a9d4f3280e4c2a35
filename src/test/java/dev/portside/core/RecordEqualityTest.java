package dev.portside.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portside.ui.filter.FilterToggles;
import dev.portside.ui.filter.ScopeFilter;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (the window's start compares them before
 * its first frame, and a record's own are built from method handles then): two records are equal
 * exactly when every component is, as the record's own would say, and equal ones hash alike. A
 * component added later without a line in equals fails here.
 */
class RecordEqualityTest {

    private static final ProcessInfo NODE = new ProcessInfo(4242, "node", "/usr/bin/node", "node app.js", "dev",
            Instant.parse("2026-01-01T10:00:00Z"), 1);

    /** Two different values per component type (or per component name, for the sets of FilterToggles). */
    private static final Map<Object, List<?>> VALUES = Map.ofEntries(
            Map.entry(int.class, List.of(3000, 3001)),
            Map.entry(String.class, List.of("a", "b")),
            Map.entry(Instant.class, List.of(Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-02T10:00:00Z"))),
            Map.entry(Protocol.class, List.of(Protocol.TCP, Protocol.UDP)),
            Map.entry(IpFamily.class, List.of(IpFamily.IPV4, IpFamily.IPV6)),
            Map.entry(IpAddress.class, List.of(IpAddress.parse("127.0.0.1"), IpAddress.parse("0.0.0.0"))),
            Map.entry(List.class, List.of(List.of(NODE), List.of())),
            Map.entry(SocketUser.class, List.of(new SocketUser(1000, "dev"), new SocketUser(0, "root"))),
            Map.entry(ScopeFilter.class, List.of(ScopeFilter.ALL, ScopeFilter.values()[1])),
            Map.entry("protocols", List.of(EnumSet.allOf(Protocol.class), EnumSet.of(Protocol.TCP))),
            Map.entry("families", List.of(EnumSet.allOf(IpFamily.class), EnumSet.of(IpFamily.IPV6))),
            Map.entry("categories", List.of(EnumSet.allOf(PortCategory.class), EnumSet.of(PortCategory.DYNAMIC))));

    @Test
    void equalExactlyWhenEveryComponentIsAndEqualOnesHashAlike() throws Exception {
        for (Class<?> type : List.of(ListeningSocket.class, ProcessInfo.class, SocketUser.class, FilterToggles.class)) {
            RecordComponent[] parts = type.getRecordComponents();
            Object[] base = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                base[i] = values(parts[i]).get(0);
            }
            Object one = make(type, base);
            Object same = make(type, base.clone());
            assertThat(one).as(type.getSimpleName()).isEqualTo(same).isNotSameAs(same);
            assertThat(one.hashCode()).isEqualTo(same.hashCode());
            assertThat(one).isNotEqualTo(null).isNotEqualTo("something else");
            for (int i = 0; i < parts.length; i++) {
                Object[] changed = base.clone();
                changed[i] = values(parts[i]).get(1);
                assertThat(make(type, changed)).as(type.getSimpleName() + " with another " + parts[i].getName())
                        .isNotEqualTo(one);
            }
        }
    }

    private static List<?> values(RecordComponent part) {
        List<?> byName = VALUES.get(part.getName());
        if (byName != null && part.getType() == Set.class) {
            return byName;
        }
        return VALUES.get(part.getType());
    }

    private static Object make(Class<?> type, Object[] args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        RecordComponent[] parts = type.getRecordComponents();
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        return canonical.newInstance(args);
    }
}
