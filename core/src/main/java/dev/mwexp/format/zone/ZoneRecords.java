package dev.mwexp.format.zone;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CNAME records named {@code name} (relative) in the {@code $ORIGIN} sections of a zone
 * template: one per origin of {@code targets} (absolute, {@code eqiad.wmnet.}). A record of that
 * name in another origin is removed only when its target matches {@code ownedTargetGlobs}: a
 * datacenter the model dropped, never someone else's record of the same name.
 */
public record ZoneRecords(String name, Map<String, ZoneTarget> targets, List<String> ownedTargetGlobs, String seed)
    implements Merge.Edit {
  public ZoneRecords {
    targets = Collections.unmodifiableMap(new TreeMap<>(targets));
    ownedTargetGlobs = List.copyOf(ownedTargetGlobs);
  }

  @Override
  public String edit(String text) throws MergeConflict {
    return ZoneEditor.apply(text, this);
  }
}
