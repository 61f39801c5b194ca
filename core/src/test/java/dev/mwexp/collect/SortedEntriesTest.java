package dev.mwexp.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedEntriesTest {

  @Test
  void theTreeIsTheOnePutsWouldBuild() {
    qt().withExamples(500).forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 6)).ofSizeBetween(0, 200))
        .checkAssert(keys -> {
          TreeMap<String, Integer> byPuts = new TreeMap<>();
          keys.forEach(k -> byPuts.put(k, k.length()));
          TreeMap<String, Integer> built = SortedEntries.treeMap(new ArrayList<>(byPuts.entrySet()), "twice: ");
          assertThat(built).isEqualTo(byPuts);
          assertThat(built.keySet()).containsExactlyElementsOf(byPuts.keySet());
          if (!byPuts.isEmpty()) {
            // A working tree: lookups and navigation, not only iteration.
            assertThat(built.get(byPuts.lastKey())).isEqualTo(byPuts.lastKey().length());
            assertThat(built.firstKey()).isEqualTo(byPuts.firstKey());
            assertThat(built.headMap(byPuts.lastKey())).hasSize(byPuts.size() - 1);
          }
        });
  }

  @Test
  void keysOutOfOrderOrTwiceAreRefusedWithTheKey() {
    assertThatThrownBy(() -> SortedEntries.treeMap(List.of(Map.entry("a", 1), Map.entry("a", 2)), "two at "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("two at a");
    assertThatThrownBy(() -> SortedEntries.treeMap(List.of(Map.entry("b", 1), Map.entry("a", 2)), "two at "))
        .hasMessage("two at a");
  }
}
