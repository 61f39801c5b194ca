package dev.mwexp.consistency;

import dev.mwexp.consistency.facts.HostHiera;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The mount path's owner, group and mode: the model's, or without it any the group may write in. */
@ChainLink(value = "MOUNT_OWNERSHIP", needs = "hiera")
final class MountOwnershipLink implements LinkCheck {

  @Override
  public void check(Chain chain, Findings findings) {
    HieraKeys keys = chain.keys;
    chain.hostsInDatacenters().keySet().forEach(host -> {
      if (!chain.mountKnown(host)) {
        return;
      }
      HostHiera h = chain.facts.hiera().get(host);
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put(keys.mountOwner(), chain.model.map(m -> m.deployers().user()).orElse(null));
      expected.put(keys.mountGroup(), chain.model.map(m -> m.deployers().group()).orElse(null));
      expected.put(keys.mountMode(), chain.model.map(m -> m.deployers().mountMode()).orElse(null));
      expected.forEach((key, want) -> {
        Optional<HostHiera.Value> got = h.get(key);
        boolean ok = got.isPresent() && got.get().value() instanceof String s && !s.isEmpty()
            && (want == null || want.equals(s));
        if (!ok) {
          findings.add(Link.MOUNT_OWNERSHIP, host, key + ": " + (want == null ? "a string" : want),
              got.map(v -> String.valueOf(v.value())).orElse("no such key"), Chain.source(h, key));
        } else if (key.equals(keys.mountMode()) && want == null && !groupWritable(String.valueOf(got.get().value()))) {
          // Without the spec the exact mode is unknown, but engineers of the group edit here.
          findings.add(Link.MOUNT_OWNERSHIP, host, key + ": a mode that lets the group write (such as 2775)",
              String.valueOf(got.get().value()), Chain.source(h, key));
        }
      });
    });
  }

  /** Whether an octal mode ({@code 2775}, {@code 0775}) gives the group write permission. */
  private static boolean groupWritable(String mode) {
    if (!mode.matches("[0-7]{3,4}")) {
      return false;
    }
    int group = mode.charAt(mode.length() - 2) - '0';
    return (group & 2) != 0;
  }
}
