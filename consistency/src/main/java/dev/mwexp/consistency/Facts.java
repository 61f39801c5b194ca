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

/** Everything read from the trees, before any checking. */
record Facts(
    List<Backend> backends,
    List<RoutingTableReader.DuplicateKey> duplicateKeys,
    List<CnameRecord> cnames,
    Map<String, HostHiera> hiera,
    Map<String, String> vmDatacenters,
    List<Workload> workloads,
    List<ServiceFact> services,
    List<AlertObject> alerts,
    List<Violation> unreadable) {}
