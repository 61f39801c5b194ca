package dev.mwexp.format.lua;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries {@code ["name"] = { host = "h", port = n }} of the Lua table at {@code tablePath}
 * ({@code debug_maps.default.backends}; a segment {@code [name=pretrain]} picks the list element
 * whose {@code name} is pretrain). Entries whose names match {@code ownedGlobs} and are not
 * wanted are removed; others are never touched.
 */
public record LuaTableEntries(List<String> tablePath, Map<String, Target> entries, List<String> ownedGlobs, String seed)
    implements Merge.Edit {
  public LuaTableEntries {
    tablePath = List.copyOf(tablePath);
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    ownedGlobs = List.copyOf(ownedGlobs);
  }

  @Override
  public String edit(String text) throws MergeConflict {
    return LuaTableEditor.apply(text, this);
  }
}
