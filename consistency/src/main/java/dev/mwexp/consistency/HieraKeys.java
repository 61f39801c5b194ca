package dev.mwexp.consistency;

import dev.mwexp.model.Setup;

/**
 * The hiera keys the chain reads. The first three are Wikimedia's own (operations/puppet's
 * kubernetes node profile); the rest are the parameters of the mw-experimental profile class, whose
 * values the checker takes from hiera or, failing that, from the class's own resource.
 */
public record HieraKeys(
    String mwExperimental,
    String nodeLabels,
    String nodeTaints,
    String mountPath,
    String mountOwner,
    String mountGroup,
    String mountMode,
    String servergroup,
    String alerting) {

  public static final HieraKeys WIKIMEDIA =
      new HieraKeys(
          "profile::kubernetes::node::mw_experimental",
          "profile::kubernetes::node::kubelet_node_labels",
          "profile::kubernetes::node::kubelet_node_taints",
          "profile::kubernetes::mediawiki_experimental::mount_path",
          "profile::kubernetes::mediawiki_experimental::owner",
          "profile::kubernetes::mediawiki_experimental::group",
          "profile::kubernetes::mediawiki_experimental::mode",
          "profile::kubernetes::mediawiki_experimental::servergroup",
          "profile::kubernetes::mediawiki_experimental::alerting");

  /** Wikimedia's keys with the model's switch key. */
  public static HieraKeys of(Setup setup) {
    return new HieraKeys(
        setup.deployers().switchKey(),
        WIKIMEDIA.nodeLabels,
        WIKIMEDIA.nodeTaints,
        WIKIMEDIA.mountPath,
        WIKIMEDIA.mountOwner,
        WIKIMEDIA.mountGroup,
        WIKIMEDIA.mountMode,
        WIKIMEDIA.servergroup,
        WIKIMEDIA.alerting);
  }
}
