package org.wayfinder.command.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueIndexedMapTest {

    @Test
    void contains_value_follows_the_operations_axon_uses() {
        ImportAggregates.ValueIndexedMap<String, Object> map = new ImportAggregates.ValueIndexedMap<>();
        Object first = new Object();
        Object second = new Object();

        map.putIfAbsent("a", first);
        map.computeIfAbsent("b", key -> second);
        assertThat(map.containsValue(first)).isTrue();
        assertThat(map.containsValue(second)).isTrue();
        assertThat(map.putIfAbsent("a", second)).isSameAs(first);
        assertThat(map.computeIfAbsent("a", key -> second)).isSameAs(first);

        map.put("c", first);
        map.remove("a");
        assertThat(map.containsValue(first)).isTrue();
        map.remove("c");
        assertThat(map.containsValue(first)).isFalse();
        assertThat(map.remove("missing")).isNull();

        map.put("b", first);
        assertThat(map.containsValue(second)).isFalse();
        map.clear();
        assertThat(map.containsValue(first)).isFalse();
        assertThat(map).isEmpty();
    }
}
