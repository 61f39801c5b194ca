package dev.mwexp.format.yaml;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * mw-experimental's items of a list of mappings that other entries share, such as a node
 * companion's {@code tolerations}: the items whose {@code field} is one of {@code owned} are
 * mw-experimental's and become exactly {@code items}, after the others, which keep their order.
 * When the list already holds them, the file is left byte for byte; otherwise the list is
 * rewritten through {@link YamlEditor}, which keeps the rest of the file. The file is another
 * service's: exporters wrap this in {@link Merge.IfExists}, so a missing one is not created.
 *
 * @param path the list's key path from the top ({@code [tolerations]})
 * @param field the field that says whose an item is ({@code value})
 * @param owned the values of {@code field} that are mw-experimental's (its taints' values)
 * @param items mw-experimental's items, in order
 */
public record YamlListItems(List<String> path, String field, Set<String> owned, List<Map<String, Object>> items)
    implements Merge.Edit {

  public YamlListItems {
    path = List.copyOf(path);
    owned = Set.copyOf(owned);
    items = items.stream().map(i -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(i))).toList();
  }

  @Override
  public String seed() {
    return "";
  }

  @Override
  public String edit(String text) throws MergeConflict {
    Optional<Object> current = YamlEditor.get(text, path);
    List<Object> kept = new ArrayList<>();
    List<Object> ours = new ArrayList<>();
    if (current.isPresent() && current.get() instanceof List<?> list) {
      for (Object item : list) {
        boolean mine = item instanceof Map<?, ?> m && owned.contains(String.valueOf(m.get(field)));
        (mine ? ours : kept).add(item);
      }
    } else if (current.isPresent() && current.get() != YamlEditor.NULL) {
      throw new MergeConflict(0, String.join(".", path) + " is not a list; mwexp would add "
          + items.size() + " items to it");
    }
    if (ours.equals(items) && kept.stream().noneMatch(i -> items.contains(i))) {
      return text;
    }
    List<Object> wanted = new ArrayList<>(kept);
    wanted.addAll(items);
    return YamlEditor.apply(text, new YamlKeys(Map.of(path, wanted), List.of(), ""));
  }
}
