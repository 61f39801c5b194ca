package dev.mwexp.format.json;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.List;

/**
 * String items of the JSON list under the top-level key {@code key}: the wanted ones present,
 * those matching {@code ownedGlobs} but not wanted removed, the others left where they are.
 */
public record JsonListItems(String key, List<String> items, List<String> ownedGlobs, String seed) implements Merge.Edit {
  public JsonListItems {
    items = List.copyOf(items);
    ownedGlobs = List.copyOf(ownedGlobs);
  }

  @Override
  public String edit(String text) throws MergeConflict {
    return JsonListEditor.apply(text, this);
  }
}
