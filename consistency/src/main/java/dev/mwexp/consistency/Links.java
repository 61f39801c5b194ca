package dev.mwexp.consistency;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every link check the checker runs, in the order a request follows the chain. Adding a link is
 * its class (with its {@link ChainLink}, and its {@link FactsSource} if it reads new facts) and one
 * line here.
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
      new CompanionLink(),
      new CoverageLink(),
      new SelectorLink(),
      new PortLink(),
      new TrafficPolicyLink(),
      new MountPathLink(),
      new AdmissionLink(),
      new MountOwnershipLink(),
      new ServergroupLink(),
      new NodeStanzaLink(),
      new DebugListLink(),
      new ChartValuesLink(),
      new AlertingLink(),
      new NoAlertLink());

  static ChainLink about(LinkCheck check) {
    return check.getClass().getAnnotation(ChainLink.class);
  }

  /** The link a check judges: a built-in one by its id, else the one its annotation describes. */
  static Link of(LinkCheck check) {
    ChainLink about = about(check);
    return Link.BUILT_IN.stream().filter(l -> l.id().equals(about.value())).findFirst()
        .orElseGet(() -> new Link(about.value(), about.summary()));
  }

  /** The built-in links, then the checks' own, by id. */
  static List<Link> all() {
    Set<Link> all = new TreeSet<>(Link.BUILT_IN);
    ALL.forEach(check -> all.add(of(check)));
    return new ArrayList<>(all);
  }

  /** Every facts source a check reads, each once. */
  static Set<Class<? extends FactsSource<?>>> sources() {
    Set<Class<? extends FactsSource<?>>> sources = new LinkedHashSet<>();
    ALL.forEach(check -> sources.addAll(List.of(about(check).reads())));
    return sources;
  }

  /** How {@link Facts#unread} names a source's part when it could not read it. */
  static String part(Class<?> source) {
    return "source:" + source.getSimpleName();
  }
}
