package dev.mwexp.format.cel;

import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.MergeConflict;
import java.util.List;
import java.util.Optional;

/**
 * mw-experimental's admission policy ({@code allow-hostpath-<service>}): the hostPath paths its
 * CEL validation admits are exactly the ones the pods mount. The policy is mw-experimental's own,
 * so its list is too; a list already holding them, in any order, is left byte for byte. A policy
 * file that does not exist is not created (its chart holds more than the list).
 */
public record HostPathAllowList(List<String> paths) implements Merge {

  /** The expression's subject the list follows, as the policy writes it. */
  public static final String SUBJECT = "volume.hostPath.path";

  public HostPathAllowList {
    paths = List.copyOf(paths);
  }

  @Override
  public String seed() {
    return "";
  }

  @Override
  public Optional<String> apply(Optional<String> existing) throws MergeConflict {
    if (existing.isEmpty()) {
      return existing;
    }
    CelStringList list = CelStringList.find(existing.get(), SUBJECT);
    if (new java.util.HashSet<>(list.values()).equals(new java.util.HashSet<>(paths))) {
      return existing;
    }
    return Optional.of(list.replace(existing.get(), paths));
  }
}
