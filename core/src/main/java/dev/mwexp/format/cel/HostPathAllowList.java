package dev.mwexp.format.cel;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.List;

/**
 * mw-experimental's admission policy ({@code allow-hostpath-<service>}): the hostPath paths its
 * CEL validation admits are exactly the ones the pods mount. The policy is mw-experimental's own,
 * so its list is too; a list already holding them, in any order, is left byte for byte. The file
 * is its chart's, which holds more than the list: exporters wrap this in {@link Merge.IfExists}.
 */
public record HostPathAllowList(List<String> paths) implements Merge.Edit {

  /** The field of the comprehension's volume the list follows, as the policy writes it ({@code volume.hostPath.path in [}). */
  public static final String SUBJECT = "hostPath.path";

  public HostPathAllowList {
    paths = List.copyOf(paths);
  }

  @Override
  public String seed() {
    return "";
  }

  @Override
  public String edit(String text) throws MergeConflict {
    CelStringList list = CelStringList.find(text, SUBJECT);
    if (new java.util.HashSet<>(list.values()).equals(new java.util.HashSet<>(paths))) {
      return text;
    }
    return list.replace(text, paths);
  }
}
