package dev.mwexp.consistency;

import java.util.List;

/**
 * Every link check the checker runs, in the order a request follows the chain. Adding a link is
 * its class and one line here.
 */
final class Links {

  private Links() {}

  static final List<LinkCheck> ALL = List.of(
      new DuplicateKeyLink(),
      new BackendLink(),
      new HostLink(),
      new CrossDatacenterLink(),
      new CnameTargetLink(),
      new DatacenterLink(),
      new SwitchLink(),
      new LabelLink(),
      new TaintsLink(),
      new CoverageLink(),
      new SelectorLink(),
      new PortLink(),
      new TrafficPolicyLink(),
      new MountPathLink(),
      new MountOwnershipLink(),
      new ServergroupLink(),
      new NodeStanzaLink(),
      new DebugListLink(),
      new ChartValuesLink(),
      new AlertingLink());
}
