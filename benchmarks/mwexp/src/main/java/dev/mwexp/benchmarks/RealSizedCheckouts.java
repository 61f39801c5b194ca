package dev.mwexp.benchmarks;

import dev.mwexp.fragment.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The four checkouts as today's repositories are sized, from mwexp's own fixtures
 * ({@code fixtures/real-repos}) grown with foreign entries of the real files' shapes: what mwexp
 * must read past, never judge. Sizes counted on operations/dns 734c650c (templates/wmnet: 1,171
 * lines, 160 A, 392 CNAME and 81 gdnsd DYNA records) and operations/puppet d3590882
 * (manifests/site.pp: 2,711 lines; hieradata/hosts: 708 files; the routing script: 76 lines, 11
 * backends). {@code scale} multiplies the zone and the routing table.
 */
final class RealSizedCheckouts {

  static final int ZONE_LINES = 1_171;
  static final int SITE_PP_LINES = 2_711;
  static final int HOST_FILES = 708;
  static final int ROUTING_BACKENDS = 11;

  private RealSizedCheckouts() {}

  /** A copy of the fixtures under {@code dir}, grown; the roots by repository. */
  static Map<Repository, Path> create(Path fixtures, Path dir, int scale) throws IOException {
    copy(fixtures, dir);
    Map<Repository, Path> roots = new TreeMap<>();
    roots.put(Repository.PUPPET, dir.resolve("puppet"));
    roots.put(Repository.CHARTS, dir.resolve("deployment-charts"));
    roots.put(Repository.DNS, dir.resolve("dns"));
    roots.put(Repository.MEDIAWIKI_CONFIG, dir.resolve("mediawiki-config"));
    growZone(dir.resolve("dns/templates/wmnet"), ZONE_LINES * scale);
    growRoutingTable(dir.resolve("puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua"),
        ROUTING_BACKENDS * scale);
    growSitePp(dir.resolve("puppet/manifests/site.pp"), SITE_PP_LINES);
    growHosts(dir.resolve("puppet/hieradata/hosts"), HOST_FILES);
    return roots;
  }

  /** Removes a tree a benchmark made, deepest paths first. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** Foreign A, CNAME and DYNA records in a datacenter's $ORIGIN of their own, in the real mix. */
  static void growZone(Path zone, int lines) throws IOException {
    String text = Files.readString(zone);
    StringBuilder more = new StringBuilder("\n; Grown for the benchmark: records of other services.\n$ORIGIN ulsfo.wmnet.\n");
    int have = (int) text.lines().count() + 3;
    for (int i = 0; have < lines; i++, have++) {
      switch (i % 8) {
        case 0, 1 -> more.append(String.format("foreign%05d          1H  IN A        10.128.%d.%d%n", i, (i / 250) % 250, i % 250 + 1));
        case 7 -> more.append(String.format("dyna%05d            300/10 IN DYNA geoip!disc-dyna%05d%n", i, i));
        default -> more.append(String.format("svc%05d             1H  IN CNAME    foreign%05d.ulsfo.wmnet.%n", i, i - i % 8));
      }
    }
    Files.writeString(zone, text + more);
  }

  /** Other services' debug backends in the default scope, after the fixture's own. */
  static void growRoutingTable(Path lua, int backends) throws IOException {
    String text = Files.readString(lua);
    String anchor = "        backends = {\n";
    int at = text.lastIndexOf(anchor);
    if (at < 0) {
      throw new IllegalStateException(lua + ": no default backends table to grow");
    }
    int have = (int) text.lines().filter(l -> l.contains("host = ")).count();
    StringBuilder more = new StringBuilder();
    for (int i = have; i < backends; i++) {
      more.append(String.format("            [\"k8s-foreign-%05d\"]  = { host = \"foreign%05d.discovery.wmnet\", port = 4444 },%n", i, i));
    }
    at += anchor.length();
    Files.writeString(lua, text.substring(0, at) + more + text.substring(at));
  }

  /** Other roles' node statements, as operations/puppet's site.pp is mostly made of. */
  static void growSitePp(Path sitePp, int lines) throws IOException {
    String text = Files.readString(sitePp);
    StringBuilder more = new StringBuilder();
    int have = (int) text.lines().count();
    for (int i = 0; have < lines; i++, have += 4) {
      more.append(String.format("%nnode /^an-worker1%03d\\.eqiad\\.wmnet$/ {%n    role(analytics_cluster::hadoop::worker)%n}%n", i));
    }
    Files.writeString(sitePp, text + more);
  }

  /** Other hosts' hiera files, without mw-experimental's switch. */
  static void growHosts(Path dir, int files) throws IOException {
    long have;
    try (Stream<Path> list = Files.list(dir)) {
      have = list.count();
    }
    for (long i = have; i < files; i++) {
      Files.writeString(dir.resolve(String.format("an-worker1%03d.yaml", i)),
          "profile::hadoop::common::hadoop_cluster_name: analytics-hadoop\nprofile::base::notify_on_reboot: false\n");
    }
  }
}
