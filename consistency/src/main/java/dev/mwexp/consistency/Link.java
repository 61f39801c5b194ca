package dev.mwexp.consistency;

import java.util.List;
import java.util.Objects;

/**
 * A link of the routing chain, by its id ({@code PORT}, {@code NO_ALERT}), as a diagnostic names
 * it. The built-in ones are constants here, in the order a request follows them; a link a new
 * check brings is named by that check's {@link ChainLink} alone, so adding one touches no list of
 * links. Links sort built-in first, in chain order, then by id.
 */
public record Link(String id, String description) implements Comparable<Link> {

  /** A part of the chain is not in the trees at all: no routing script, zone, hiera or Kubernetes side. */
  public static final Link MISSING = new Link("MISSING", "the trees hold every part of the routing chain");
  /** An artifact could not be read at all. */
  public static final Link UNREADABLE = new Link("UNREADABLE", "an artifact tree could not be read");
  /** The routing table sets one key twice: Lua keeps the last, a reader of the text may see the first. */
  public static final Link DUPLICATE_KEY = new Link("DUPLICATE_KEY", "each key of the routing table is set once");
  /** The model's backends and the ATS table differ (only with a model). */
  public static final Link BACKEND = new Link("BACKEND", "X-Wikimedia-Debug backend in the ATS table");
  /** A backend's target is neither a CNAME nor a host with hiera. */
  public static final Link HOST = new Link("HOST", "the backend's target is a CNAME or a host with hiera");
  /** A datacenter's backend or CNAME leads to a host of another datacenter. */
  public static final Link CROSS_DATACENTER = new Link("CROSS_DATACENTER", "a datacenter's backend and CNAME lead to that datacenter's hosts");
  /** A CNAME points at a name that is no host with hiera. */
  public static final Link CNAME_TARGET = new Link("CNAME_TARGET", "the CNAME points at a host with hiera");
  /** The host's datacenter has no mw-experimental workload or Service. */
  public static final Link DATACENTER = new Link("DATACENTER", "the host's datacenter runs the service");
  /** The host's hiera does not turn the profile on. */
  public static final Link SWITCH = new Link("SWITCH", "hiera turns the mw-experimental profile on");
  /** The workload's nodeSelector label is not among the host's kubelet labels. */
  public static final Link LABEL = new Link("LABEL", "the host carries the label the workload selects");
  /** Host taints and workload tolerations differ. */
  public static final Link TAINTS = new Link("TAINTS", "the workload tolerates exactly the host's taints");
  /** The workload does not put exactly one pod on every host. */
  public static final Link COVERAGE = new Link("COVERAGE", "one pod per host");
  /** The Service does not select the workload's pods. */
  public static final Link SELECTOR = new Link("SELECTOR", "the Service selects the workload's pods");
  /** The Service's NodePort is not the backend's port. */
  public static final Link PORT = new Link("PORT", "the Service's NodePort is the backend's port");
  /** The Service does not keep traffic on the node it reached. */
  public static final Link TRAFFIC_POLICY = new Link("TRAFFIC_POLICY", "the Service's traffic policies are Local");
  /** The pod's hostPath is not the path hiera manages. */
  public static final Link MOUNT_PATH = new Link("MOUNT_PATH", "the pod mounts the path hiera manages");
  /** hiera's owner, group or mode of the mount path is missing or wrong. */
  public static final Link MOUNT_OWNERSHIP = new Link("MOUNT_OWNERSHIP", "the mount path's owner, group and mode");
  /** The pod's SERVERGROUP differs from hiera's. */
  public static final Link SERVERGROUP = new Link("SERVERGROUP", "the same servergroup on both sides");
  /** A routed host has no node stanza giving it the workers' role in site.pp. */
  public static final Link NODE_STANZA = new Link("NODE_STANZA", "site.pp gives the host the workers' role");
  /** A backend users can route to is missing from debug.json, or debug.json lists one that does not route. */
  public static final Link DEBUG_LIST = new Link("DEBUG_LIST", "debug.json lists exactly the backends that route");
  /** A chart value the common values file would override, or that Kubernetes would reject. */
  public static final Link CHART_VALUES = new Link("CHART_VALUES", "the service's values survive helm's merge with the common files");
  /** Something would alert. */
  public static final Link ALERTING = new Link("ALERTING", "nothing alerts");

  /** The built-in links, in the order a request follows the chain. */
  static final List<Link> BUILT_IN = List.of(
      MISSING, UNREADABLE, DUPLICATE_KEY, BACKEND, HOST,
      CROSS_DATACENTER, CNAME_TARGET, DATACENTER, SWITCH, LABEL,
      TAINTS, COVERAGE, SELECTOR, PORT, TRAFFIC_POLICY,
      MOUNT_PATH, MOUNT_OWNERSHIP, SERVERGROUP, NODE_STANZA, DEBUG_LIST,
      CHART_VALUES, ALERTING);

  public Link {
    if (!id.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("a link id is upper-case words joined by '_': " + id);
    }
    Objects.requireNonNull(description);
  }

  /** Every link: the built-in ones, then those of the checks' annotations, by id. */
  public static List<Link> all() {
    return Links.all();
  }

  /** The id, as enum constants were named: reports and SARIF rules use it. */
  public String name() {
    return id;
  }

  @Override
  public int compareTo(Link o) {
    int a = rank();
    int b = o.rank();
    return a != b ? Integer.compare(a, b) : id.compareTo(o.id);
  }

  private int rank() {
    int i = BUILT_IN.indexOf(this);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  @Override
  public String toString() {
    return id;
  }
}
