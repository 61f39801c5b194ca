package dev.mwexp.consistency;

import dev.mwexp.consistency.read.RoutingTableReader;
import dev.mwexp.consistency.facts.AlertObject;
import dev.mwexp.consistency.facts.Backend;
import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.HostHiera;
import dev.mwexp.consistency.facts.ServiceFact;
import dev.mwexp.consistency.facts.Workload;
import java.util.List;
import java.util.Map;

/**
 * Everything read from the trees, before any checking. What could not be read is one UNREADABLE
 * violation; the parts it leaves unknown are listed, so that their knock-ons are not reported too.
 */
record Facts(
    List<Backend> backends,
    List<RoutingTableReader.DuplicateKey> duplicateKeys,
    List<CnameRecord> cnames,
    Map<String, HostHiera> hiera,
    Map<String, String> vmDatacenters,
    List<Workload> workloads,
    List<ServiceFact> services,
    List<AlertObject> alerts,
    List<Violation> unreadable,
    java.util.Set<String> unreadParts,
    RealLayout real,
    /** What each {@link FactsSource} read, by source; a source that found nothing is absent. */
    Map<Class<?>, Object> sourced) {

  /** What a source read, for the checks that name it in {@link ChainLink#reads}. */
  <T> T get(Class<? extends FactsSource<T>> source) {
    @SuppressWarnings("unchecked")
    T facts = (T) sourced.get(source);
    if (facts == null) {
      throw new IllegalStateException(source.getSimpleName() + " read nothing; the runner skips checks that need it");
    }
    return facts;
  }

  /** Whether every one of these sources read its facts. */
  boolean read(Class<? extends FactsSource<?>>[] sources) {
    return java.util.Arrays.stream(sources).allMatch(sourced::containsKey);
  }

  /**
   * What only the real repositories hold: the node stanzas of site.pp (by host FQDN), the
   * WikimediaDebug list of debug.json, the chart values that would not survive helm's merge, and
   * the service's name as deployment-charts' directory gives it.
   */
  record RealLayout(
      java.util.Optional<java.util.Map<String, dev.mwexp.format.sitepp.SitePp.Stanza>> stanzas,
      String sitePp,
      java.util.Optional<List<String>> debugList,
      String debugJson,
      List<Violation> chartValues,
      java.util.Optional<String> service,
      /** The role site.pp must give the hosts ({@code kubernetes::worker}). */
      String workerRole) {
    static RealLayout none() {
      return new RealLayout(java.util.Optional.empty(), "", java.util.Optional.empty(), "", List.of(),
          java.util.Optional.empty(), "");
    }
  }

  /** Parts of the trees that could not be read: {@code routing}, {@code zones}, {@code hiera}, {@code k8s:<dc>}, {@code k8s:*}. */
  boolean unread(String part) {
    return unreadParts.contains(part);
  }

  /** Whether the datacenter's workload or Service could not be read. */
  boolean kubernetesUnread(String datacenter) {
    return unreadParts.contains("k8s:*") || unreadParts.contains("k8s:" + datacenter);
  }
}
