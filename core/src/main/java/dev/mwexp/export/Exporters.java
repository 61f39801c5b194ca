package dev.mwexp.export;

import dev.mwexp.model.Setup;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exporters over a setup: the library's entry point ({@code Exporters.compile},
 * {@code Exporters.fragments}). Named for what it holds, not {@code Compiler}, which Java 17
 * imports implicitly from java.lang. Exporter modules register themselves with {@link ServiceLoader}, so
 * a tool gets exactly the formats whose jars it puts on the class path, and core knows none of them.
 */
public final class Exporters {

  /**
   * What {@code mwexp compile} writes unless told otherwise: mw-experimental's part of the four
   * real repositories ({@code k8s}, raw manifests for clusters without Wikimedia's chart, is extra).
   */
  public static final List<String> DEFAULT_FORMATS = List.of("hiera", "helm-values", "ats", "dns");

  /** Which artifact brings which format, for the message when one is missing. */
  private static final Map<String, String> MODULES = Map.of(
      "hiera", "mwexp-hiera-export", "helm-values", "mwexp-k8s-export", "k8s", "mwexp-k8s-export",
      "ats", "mwexp-ats-export", "dns", "mwexp-ats-export");

  private Exporters() {}

  /** Models built in code reach the exporters only once validation accepts them (a loaded spec already has). */
  private static void requireValid(Setup setup) {
    List<dev.mwexp.validation.Problem> problems = dev.mwexp.validation.Validator.validateUnlessAccepted(setup);
    if (!problems.isEmpty()) {
      throw new InvalidSetupException(problems);
    }
  }

  /** Found on first use, then kept: see {@link #exporters}. */
  private static volatile SortedMap<String, Exporter> found;

  /**
   * The exporters on the class path, by format name. Looked up once and kept: a ServiceLoader
   * pass reads the services files through the class loaders and instantiates every exporter
   * (milliseconds of a cold CLI run; issue 17), and exporters are pure, so one of each serves
   * every caller.
   */
  public static SortedMap<String, Exporter> exporters() {
    SortedMap<String, Exporter> exporters = found;
    if (exporters == null) {
      // Two threads may both look; either result is the same. A failed look is not kept.
      exporters = java.util.Collections.unmodifiableSortedMap(lookUp());
      found = exporters;
    }
    return exporters;
  }

  private static SortedMap<String, Exporter> lookUp() {
    SortedMap<String, Exporter> byFormat = new TreeMap<>();
    for (Exporter exporter : ServiceLoader.load(Exporter.class, Exporters.class.getClassLoader())) {
      Exporter clash = byFormat.putIfAbsent(exporter.format(), exporter);
      if (clash != null) {
        throw new IllegalStateException(
            "two exporters for format " + exporter.format() + ": " + clash.getClass() + ", " + exporter.getClass());
      }
    }
    return byFormat;
  }

  /**
   * Every exporter's fragments of the real repositories, in format order.
   *
   * @throws InvalidSetupException when validation refuses the setup (one built in code, say)
   */
  public static List<dev.mwexp.fragment.Fragment> fragments(Setup setup) {
    requireValid(setup);
    List<dev.mwexp.fragment.Fragment> all = new java.util.ArrayList<>();
    exporters().values().forEach(e -> all.addAll(e.fragments(setup)));
    return all;
  }

  /**
   * Every exporter's fragments, then those of the named opt-in changes, in the order named.
   *
   * @throws IllegalArgumentException naming the known changes, when a name is not one
   * @throws InvalidSetupException when validation refuses the setup (one built in code, say)
   */
  public static List<dev.mwexp.fragment.Fragment> fragments(Setup setup, Collection<String> optIn) {
    List<dev.mwexp.fragment.Fragment> all = new java.util.ArrayList<>(fragments(setup));
    if (optIn.isEmpty()) {
      return all;
    }
    Map<String, dev.mwexp.fragment.OptInChange> known = optInChanges(setup);
    for (String name : new java.util.LinkedHashSet<>(optIn)) {
      dev.mwexp.fragment.OptInChange change = known.get(name);
      if (change == null) {
        throw new IllegalArgumentException("unknown change '" + name + "'; known: "
            + (known.isEmpty() ? "none" : String.join(", ", known.keySet())));
      }
      all.addAll(change.fragments());
    }
    return all;
  }

  /** Every exporter's opt-in changes, by name. */
  public static java.util.SortedMap<String, dev.mwexp.fragment.OptInChange> optInChanges(Setup setup) {
    requireValid(setup);
    java.util.SortedMap<String, dev.mwexp.fragment.OptInChange> out = new TreeMap<>();
    for (Exporter e : exporters().values()) {
      for (dev.mwexp.fragment.OptInChange c : e.optInChanges(setup)) {
        if (out.putIfAbsent(c.name(), c) != null) {
          throw new IllegalStateException("two opt-in changes named " + c.name());
        }
      }
    }
    return out;
  }

  /**
   * The artifacts of the given formats, merged.
   *
   * @throws InvalidSetupException when validation refuses the setup (one built in code, say)
   */
  public static Artifacts compile(Setup setup, Collection<String> formats) {
    requireValid(setup);
    Map<String, Exporter> available = exporters();
    Artifacts.Builder all = Artifacts.builder();
    for (String format : new java.util.TreeSet<>(formats)) {
      Exporter exporter = available.get(format);
      if (exporter == null) {
        throw new IllegalArgumentException("unknown format '" + format + "'; available: "
            + (available.isEmpty() ? "none" : String.join(", ", available.keySet()))
            + (MODULES.containsKey(format) ? "; add dev.mwexp:" + MODULES.get(format) + " to the class path" : ""));
      }
      all.addAll(exporter.export(setup));
    }
    return all.build();
  }
}
