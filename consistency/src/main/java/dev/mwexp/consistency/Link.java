package dev.mwexp.consistency;

/** The links of the routing chain, in the order a request follows them. */
public enum Link {
  /** A part of the chain is not in the trees at all: no routing script, zone, hiera or Kubernetes side. */
  MISSING("the trees hold every part of the routing chain"),
  /** An artifact could not be read at all. */
  UNREADABLE("an artifact tree could not be read"),
  /** The routing table sets one key twice: Lua keeps the last, a reader of the text may see the first. */
  DUPLICATE_KEY("each key of the routing table is set once"),
  /** The model's backends and the ATS table differ (only with a model). */
  BACKEND("X-Wikimedia-Debug backend in the ATS table"),
  /** A backend's target is neither a CNAME nor a host with hiera. */
  HOST("the backend's target is a CNAME or a host with hiera"),
  /** A datacenter's backend or CNAME leads to a host of another datacenter. */
  CROSS_DATACENTER("a datacenter's backend and CNAME lead to that datacenter's hosts"),
  /** A CNAME points at a name that is no host with hiera. */
  CNAME_TARGET("the CNAME points at a host with hiera"),
  /** The host's datacenter has no mw-experimental workload or Service. */
  DATACENTER("the host's datacenter runs the service"),
  /** The host's hiera does not turn the profile on. */
  SWITCH("hiera turns the mw-experimental profile on"),
  /** The workload's nodeSelector label is not among the host's kubelet labels. */
  LABEL("the host carries the label the workload selects"),
  /** Host taints and workload tolerations differ. */
  TAINTS("the workload tolerates exactly the host's taints"),
  /** The workload does not put exactly one pod on every host. */
  COVERAGE("one pod per host"),
  /** The Service does not select the workload's pods. */
  SELECTOR("the Service selects the workload's pods"),
  /** The Service's NodePort is not the backend's port. */
  PORT("the Service's NodePort is the backend's port"),
  /** The Service does not keep traffic on the node it reached. */
  TRAFFIC_POLICY("the Service's traffic policies are Local"),
  /** The pod's hostPath is not the path hiera manages. */
  MOUNT_PATH("the pod mounts the path hiera manages"),
  /** hiera's owner, group or mode of the mount path is missing or wrong. */
  MOUNT_OWNERSHIP("the mount path's owner, group and mode"),
  /** The pod's SERVERGROUP differs from hiera's. */
  SERVERGROUP("the same servergroup on both sides"),
  /** A routed host has no node stanza giving it the workers' role in site.pp. */
  NODE_STANZA("site.pp gives the host the workers' role"),
  /** A backend users can route to is missing from debug.json, or debug.json lists one that does not route. */
  DEBUG_LIST("debug.json lists exactly the backends that route"),
  /** A chart value the common values file would override, or that Kubernetes would reject. */
  CHART_VALUES("the service's values survive helm's merge with the common files"),
  /** Something would alert. */
  ALERTING("nothing alerts");

  private final String description;

  Link(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
