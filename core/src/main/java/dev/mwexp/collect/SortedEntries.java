package dev.mwexp.collect;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A tree map made in linear time from entries already sorted by key. {@code TreeMap.put} walks and
 * rebalances the tree on each entry; {@code new TreeMap<>(SortedMap)} builds it in one pass, so the
 * sorted entries are seen as a SortedMap for that constructor only.
 */
public final class SortedEntries {

  private SortedEntries() {}

  /**
   * The entries as a tree map.
   *
   * @throws IllegalArgumentException {@code problem} and the key, at the first key that is not
   *     greater than the one before it
   */
  public static <K extends Comparable<? super K>, V> TreeMap<K, V> treeMap(List<Map.Entry<K, V>> sorted, String problem) {
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).getKey().compareTo(sorted.get(i).getKey()) >= 0) {
        throw new IllegalArgumentException(problem + sorted.get(i).getKey());
      }
    }
    return new TreeMap<>(new View<>(sorted));
  }

  /** Only what TreeMap's constructor reads: the entries, their count and the natural order. */
  private static final class View<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
    private final List<Map.Entry<K, V>> entries;

    View(List<Map.Entry<K, V>> entries) {
      this.entries = entries;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
          return entries.iterator();
        }

        @Override
        public int size() {
          return entries.size();
        }
      };
    }

    @Override
    public Comparator<? super K> comparator() {
      return null;
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
      throw new UnsupportedOperationException();
    }

    @Override
    public K firstKey() {
      return entries.get(0).getKey();
    }

    @Override
    public K lastKey() {
      return entries.get(entries.size() - 1).getKey();
    }
  }
}
