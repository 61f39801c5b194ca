package dev.mwexp.merge;

import dev.mwexp.format.MergeConflict;

import dev.mwexp.format.json.JsonListEditor;
import dev.mwexp.format.lua.LuaTableEditor;
import dev.mwexp.format.sitepp.SitePp;
import dev.mwexp.format.yaml.YamlEditor;
import dev.mwexp.format.zone.ZoneEditor;
import dev.mwexp.fragment.Merge;
import java.util.Optional;

/** Applies one merge to a file's text: the one place that knows which editor serves which merge. */
public final class Merges {

  private Merges() {}

  /**
   * The file's new text; {@code existing} empty means the file does not exist and the merge's seed
   * is the start. A sweep never creates a file (empty in, empty out), and deletes one only when
   * nothing at all is left in it.
   */
  public static Optional<String> apply(Optional<String> existing, Merge merge) throws MergeConflict {
    if (merge instanceof Merge.YamlKeysSweep sweep) {
      if (existing.isEmpty()) {
        return existing;
      }
      String text = existing.get();
      for (String key : sweep.keys()) {
        text = YamlEditor.apply(text, new Merge.YamlKeys(java.util.Map.of(), java.util.List.of(java.util.List.of(key)), ""));
      }
      // Only a file left with nothing at all goes; a comment someone wrote keeps it.
      return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
    String text = existing.orElse(merge.seed());
    if (merge instanceof Merge.OwnedFile owned) {
      return Optional.of(owned.text());
    }
    if (merge instanceof Merge.YamlKeys keys) {
      return Optional.of(YamlEditor.apply(text, keys));
    }
    if (merge instanceof Merge.LuaTableEntries entries) {
      return Optional.of(LuaTableEditor.apply(text, entries));
    }
    if (merge instanceof Merge.JsonListItems items) {
      return Optional.of(JsonListEditor.apply(text, items));
    }
    if (merge instanceof Merge.ZoneRecords records) {
      return Optional.of(ZoneEditor.apply(text, records));
    }
    return Optional.of(SitePp.apply(text, (Merge.NodeStanzas) merge));
  }
}
