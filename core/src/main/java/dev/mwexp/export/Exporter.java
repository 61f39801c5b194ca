package dev.mwexp.export;

import dev.mwexp.model.Setup;

/**
 * Compiles a valid {@link Setup} into files of one target system. Pure: no I/O and no state, so
 * the one instance {@link Exporters#exporters} finds serves every caller and thread.
 */
public interface Exporter {

  /** The format name users select, e.g. {@code hiera}, {@code k8s}, {@code ats}. */
  String format();

  /**
   * The files, by path relative to the output directory. Same setup, same bytes. By default, the
   * {@link #fragments} applied to empty repositories, under {@code <repository>/<path>}.
   */
  default Artifacts export(Setup setup) {
    return EmptyRepositories.apply(fragments(setup));
  }

  /**
   * mw-experimental's parts of the real repositories' files. Formats with no place in them (raw
   * Kubernetes manifests) have none.
   */
  default java.util.List<dev.mwexp.fragment.Fragment> fragments(Setup setup) {
    return java.util.List.of();
  }

  /**
   * Changes outside mw-experimental's parts that this format's repository needs for them to take
   * effect, each applied only when asked for by name ({@code sync --with-change}).
   */
  default java.util.List<dev.mwexp.fragment.OptInChange> optInChanges(Setup setup) {
    return java.util.List.of();
  }
}
