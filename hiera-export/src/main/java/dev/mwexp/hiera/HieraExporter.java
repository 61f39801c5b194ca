package dev.mwexp.hiera;

import dev.mwexp.format.sitepp.NodeStanzas;
import dev.mwexp.format.yaml.YamlKeys;
import dev.mwexp.format.yaml.YamlKeysSweep;
import dev.mwexp.collect.SortedEntries;
import dev.mwexp.export.Exporter;
import dev.mwexp.fragment.Fragment;
import dev.mwexp.fragment.Merge;
import dev.mwexp.fragment.Ownership;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mw-experimental's part of operations/puppet: each host's {@code hieradata/hosts/<short name>.yaml}
 * (the switch, the kubelet label and the taints as {@code K8s::Core::V1Taint} structs), the node
 * stanza of each host in {@code manifests/site.pp}, and a sweep that takes those keys out of the
 * files of hosts the model no longer has.
 */
public final class HieraExporter implements Exporter {

  /** The Puppet role of the dedicated workers (operations/puppet site.pp). */
  public static final String ROLE = "kubernetes::worker";
  static final String HOSTS_DIR = "hieradata/hosts";
  static final String SITE_PP = "manifests/site.pp";

  @Override
  public String format() {
    return "hiera";
  }

  @Override
  public List<Fragment> fragments(Setup setup) {
    List<Fragment> out = new ArrayList<>();
    Map<List<String>, Object> keys = new LinkedHashMap<>();
    Map<String, Object> hostKeyValues = host(setup);
    hostKeyValues.forEach((k, v) -> keys.put(List.of(k), v));
    List<Map.Entry<String, String>> stanzas = new ArrayList<>();
    // One merge for every host: the same keys, so applied into no file once (EmptyRepositories).
    YamlKeys hostKeys = new YamlKeys(keys, List.of(), "");
    for (String host : setup.allHosts()) {
      String shortName = Ownership.shortName(host);
      if (shortName.contains("/")) {
        // Validation refuses such names; this keeps a host name from ever naming another file.
        throw new IllegalArgumentException("host name cannot be a file name: " + host);
      }
      int dot = shortName.length() + 1;
      int end = host.indexOf('.', dot);
      stanzas.add(Map.entry(shortName, end < 0 ? host.substring(dot) : host.substring(dot, end)));
    }
    // Hosts come sorted within each datacenter: a sort of those runs and a tree built in one pass,
    // not 10,000 rebalancing puts. Two hosts of one short name are refused by validation. The
    // hosts' files follow in that order, so applying the fragments sorts a list nearly in order.
    stanzas.sort(Map.Entry.comparingByKey());
    for (Map.Entry<String, String> stanza : stanzas) {
      out.add(new Fragment(Repository.PUPPET, HOSTS_DIR + "/" + stanza.getKey() + ".yaml", hostKeys));
    }
    List<String> hostGlobs = Ownership.hostGlobs(setup);
    for (String glob : hostGlobs) {
      out.add(new Fragment(Repository.PUPPET, HOSTS_DIR,
          new YamlKeysSweep(glob + ".yaml", setup.deployers().switchKey(), new ArrayList<>(hostKeyValues.keySet()))));
    }
    out.add(new Fragment(Repository.PUPPET, SITE_PP, new NodeStanzas(SortedEntries.treeMap(stanzas, "two hosts of one short name: "), ROLE, hostGlobs,
        "# Node definitions (operations/puppet manifests/site.pp), as mwexp writes them for an empty repository.\n")));
    // The profile class and its refresh script: whole files mwexp owns.
    out.add(new Fragment(Repository.PUPPET, ProfileClass.PATH, new Merge.OwnedFile(ProfileClass.pp(setup))));
    out.add(new Fragment(Repository.PUPPET, ProfileClass.SCRIPT_SOURCE, new Merge.OwnedFile(script())));
    return out;
  }

  /** The refresh script: the same for every model (its settings come from the class). */
  static String script() {
    return Script.TEXT;
  }

  /** Read from the jar once, on first use: every compile writes it, and inflating it again each time was a few percent of a small compile. */
  private static final class Script {
    static final String TEXT = read();

    private static String read() {
      try (var in = HieraExporter.class.getResourceAsStream("mw-experimental-mediawiki-image-update.py")) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException | NullPointerException e) {
        throw new IllegalStateException("the refresh script is missing from mwexp's jar", e);
      }
    }
  }

  /** What makes a host an mw-experimental node; the same for every host of the setup. */
  static Map<String, Object> host(Setup setup) {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put(setup.deployers().switchKey(), true);
    keys.put(HieraKeys.NODE_LABELS, List.of(Interpolation.escape(setup.scheduling().nodeLabel().format())));
    List<Object> taints = new ArrayList<>();
    for (Taint taint : setup.scheduling().taints()) {
      // K8s::Core::V1Taint: key, optional value, effect.
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("key", Interpolation.escape(taint.key()));
      if (!taint.value().isEmpty()) {
        t.put("value", Interpolation.escape(taint.value()));
      }
      t.put("effect", taint.effect().kubernetesName());
      taints.add(t);
    }
    keys.put(HieraKeys.NODE_TAINTS, taints);
    return keys;
  }
}
