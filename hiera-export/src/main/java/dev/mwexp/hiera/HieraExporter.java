package dev.mwexp.hiera;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.export.YamlText;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puppet hiera: {@code hiera.yaml} (version 5), {@code hieradata/hosts/<fqdn>.yaml} for every host
 * (the switch, kubelet labels and taints, deployment group, mount path ownership, refresh timer),
 * {@code hieradata/common/mw_experimental.yaml} for what every host shares (deploy user and group,
 * servergroup, image, no alerting), and {@code provision/vms.yaml}, the VMs to create per
 * datacenter. Keys are sorted; strings are quoted wherever Puppet's YAML 1.1 would retype them.
 */
public final class HieraExporter implements Exporter {

  /** The Puppet role of the dedicated workers (operations-puppet site.pp). */
  static final String ROLE = "kubernetes::worker";
  static final String SHARED_FILE = "hieradata/common/mw_experimental.yaml";

  @Override
  public String format() {
    return "hiera";
  }

  @Override
  public Artifacts export(Setup setup) {
    Artifacts.Builder files = Artifacts.builder();
    files.add("hiera.yaml", HieraConfig.yaml());
    // Every host's file holds the same keys: render them once, not once a host.
    String hostFile = YamlText.write(Interpolation.escapeValues(host(setup)));
    for (String host : setup.allHosts()) {
      if (host.contains("/")) {
        // Validation refuses such names; this keeps a host name from ever naming another file
        // (Artifacts refuses every other unsafe path).
        throw new IllegalArgumentException("host name cannot be a file name: " + host);
      }
      files.add("hieradata/hosts/" + host + ".yaml", hostFile);
    }
    files.add(SHARED_FILE, YamlText.write(Interpolation.escapeValues(shared(setup))));
    files.add("provision/vms.yaml", YamlText.write(vms(setup)));
    return files.build();
  }

  /** What makes a host an mw-experimental node; the same for every host of the setup. */
  static Map<String, Object> host(Setup setup) {
    Map<String, Object> keys = new TreeMap<>();
    keys.put(setup.deployers().switchKey(), true);
    keys.put(HieraKeys.NODE_LABELS, List.of(setup.scheduling().nodeLabel().format()));
    keys.put(HieraKeys.NODE_TAINTS, setup.scheduling().taints().stream().map(Taint::format).toList());
    keys.put(HieraKeys.DEPLOYMENT_GROUP, setup.deployers().deploymentGroup());
    keys.put(HieraKeys.MOUNT_PATH, setup.service().mountPath());
    keys.put(HieraKeys.MOUNT_OWNER, setup.deployers().user());
    keys.put(HieraKeys.MOUNT_GROUP, setup.deployers().group());
    keys.put(HieraKeys.MOUNT_MODE, setup.deployers().mountMode());
    keys.put(HieraKeys.IMAGE_UPDATE_ENABLED, setup.codeRefresh().enabled());
    keys.put(HieraKeys.IMAGE_UPDATE_TIMER, setup.codeRefresh().timerName());
    keys.put(HieraKeys.IMAGE_UPDATE_ON_CALENDAR, setup.codeRefresh().onCalendar());
    keys.put(HieraKeys.IMAGE_UPDATE_SCRIPT, setup.codeRefresh().script());
    return keys;
  }

  static Map<String, Object> shared(Setup setup) {
    Map<String, Object> keys = new TreeMap<>();
    keys.put(HieraKeys.DEPLOY_USER, setup.deployers().user());
    keys.put(HieraKeys.DEPLOY_USER_HOME, "/var/lib/" + setup.deployers().user());
    keys.put(HieraKeys.DEPLOY_GROUP, setup.deployers().group());
    keys.put(HieraKeys.SERVERGROUP, setup.service().servergroup());
    keys.put(HieraKeys.IMAGE, setup.service().image());
    keys.put(HieraKeys.ALERTING, setup.service().alerting());
    return keys;
  }

  /** Per datacenter, the VMs to create and the role they get. */
  static Map<String, Object> vms(Setup setup) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Datacenter dc : setup.sortedDatacenters()) {
      List<Object> vms = new ArrayList<>();
      for (String host : dc.sortedHosts()) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("fqdn", host);
        vm.put("role", ROLE);
        vms.add(vm);
      }
      out.put(dc.name(), vms);
    }
    return out;
  }
}
