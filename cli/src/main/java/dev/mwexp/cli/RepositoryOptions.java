package dev.mwexp.cli;

import dev.mwexp.fragment.Repository;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The checkouts of the four repositories a command works on; any subset. */
final class RepositoryOptions {

  @Option(names = "--puppet", paramLabel = "DIR", description = "A checkout of operations/puppet.")
  Path puppet;

  @Option(names = "--charts", paramLabel = "DIR", description = "A checkout of operations/deployment-charts.")
  Path charts;

  @Option(names = "--dns", paramLabel = "DIR", description = "A checkout of operations/dns.")
  Path dns;

  @Option(names = "--mediawiki-config", paramLabel = "DIR", description = "A checkout of operations/mediawiki-config.")
  Path mediawikiConfig;

  Map<Repository, Path> given() {
    Map<Repository, Path> roots = new EnumMap<>(Repository.class);
    if (puppet != null) {
      roots.put(Repository.PUPPET, puppet);
    }
    if (charts != null) {
      roots.put(Repository.CHARTS, charts);
    }
    if (dns != null) {
      roots.put(Repository.DNS, dns);
    }
    if (mediawikiConfig != null) {
      roots.put(Repository.MEDIAWIKI_CONFIG, mediawikiConfig);
    }
    return roots;
  }
}
