package dev.mwexp.format.sitepp;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code node /^host\.dc\./ { role(…) }} stanzas of {@code site.pp}, one per entry of
 * {@code hosts} (short name to datacenter); stanzas of hosts matching {@code ownedGlobs} that are
 * not wanted are removed.
 */
public record NodeStanzas(Map<String, String> hosts, String role, List<String> ownedGlobs, String seed) implements Merge.Edit {
  public NodeStanzas {
    hosts = Collections.unmodifiableMap(new TreeMap<>(hosts));
    ownedGlobs = List.copyOf(ownedGlobs);
  }

  @Override
  public String edit(String text) throws MergeConflict {
    return SitePp.apply(text, this);
  }
}
