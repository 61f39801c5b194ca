package dev.mwexp.benchmarks;

import dev.mwexp.benchmarks.common.SyntheticSetups;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of one full compile of a fleet-scale model: the heap pools' peaks are reset after the
 * model is built and read after the compile. Usage: {@code java -Xmx1g -cp benchmarks.jar
 * dev.mwexp.benchmarks.PeakHeap [hosts]}.
 */
public final class PeakHeap {

  private PeakHeap() {}

  public static void main(String[] args) {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Setup setup = SyntheticSetups.ofHosts(hosts);
    System.gc();
    long before = used();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    Artifacts artifacts = Exporters.compile(setup, Exporters.DEFAULT_FORMATS);
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long bytes = artifacts.files().values().stream().mapToLong(String::length).sum();
    System.out.printf("hosts %d: %d files, %.1f MB of output; heap in use before %.1f MB, peak during compile %.1f MB%n",
        hosts, artifacts.files().size(), bytes / 1e6, before / 1e6, peak / 1e6);
  }

  private static long used() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getUsage().getUsed()).sum();
  }
}
