package dev.mwexp.k8s;

import dev.mwexp.model.Php;
import dev.mwexp.model.Setup;
import java.util.LinkedHashMap;
import java.util.Map;

/** The php.ini overrides that make host edits visible at once, as a ConfigMap. */
final class PhpConfigMap {

  /** Where the ConfigMap is mounted; PHP_INI_SCAN_DIR=":DIR" adds it after the image's own. */
  static final String MOUNT_DIR = dev.mwexp.model.Service.PHP_OVERRIDES_DIR;
  static final String FILE = "99-mw-experimental.ini";

  private PhpConfigMap() {}

  static String name(Setup setup) {
    return setup.service().name() + "-php-overrides";
  }

  static Map<String, Object> manifest(Setup setup) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "v1");
    doc.put("kind", "ConfigMap");
    doc.put("metadata", Labels.metadata(setup, name(setup)));
    doc.put("data", Map.of(FILE, ini(setup.service().php())));
    return doc;
  }

  /** The ini text: sorted, one directive a line. */
  static String ini(Php php) {
    Map<String, String> directives = new java.util.TreeMap<>(php.iniOverrides());
    directives.put("opcache.validate_timestamps", php.opcacheValidateTimestamps() ? "1" : "0");
    if (php.develMode()) {
      // Devel mode: re-check timestamps on every request and show errors to the engineer.
      directives.putIfAbsent("opcache.revalidate_freq", "0");
      directives.putIfAbsent("display_errors", "On");
    }
    StringBuilder ini = new StringBuilder("; mw-experimental php-fpm overrides, written by mwexp\n");
    directives.forEach((k, v) -> ini.append(k).append('=').append(v).append('\n'));
    return ini.toString();
  }
}
