package dev.mwexp.export;

import dev.mwexp.model.Setup;

/** Compiles a valid {@link Setup} into files of one target system. Pure: no I/O. */
public interface Exporter {

  /** The format name users select, e.g. {@code hiera}, {@code k8s}, {@code ats}. */
  String format();

  /** The files, by path relative to the output directory. Same setup, same bytes. */
  Artifacts export(Setup setup);
}
