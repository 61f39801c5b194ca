package dev.mwexp.hiera;

/** The hiera keys of operations/puppet's kubernetes node profile that mwexp sets per host. */
final class HieraKeys {
  static final String NODE_LABELS = "profile::kubernetes::node::kubelet_node_labels";
  static final String NODE_TAINTS = "profile::kubernetes::node::kubelet_node_taints";

  private HieraKeys() {}
}
