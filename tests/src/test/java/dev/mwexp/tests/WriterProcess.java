package dev.mwexp.tests;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.OutputDirectory;
import java.nio.file.Path;

/**
 * A separate process that rewrites one output directory over and over, alternating two versions
 * whose every file names its version: killed at a random moment by {@link OutputFaultsTest}.
 */
public final class WriterProcess {

  static final int FILES = 200;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    String tag = args.length > 2 ? args[2] : "";
    for (int i = 0; i < rounds; i++) {
      OutputDirectory.write(dir, version(tag + (i % 2 == 0 ? "A" : "B")));
    }
  }

  /** A tree whose files all say which version they belong to. */
  static Artifacts version(String v) {
    Artifacts.Builder b = Artifacts.builder();
    for (int f = 0; f < FILES; f++) {
      b.add("d" + (f % 7) + "/f" + f + ".txt", ("version " + v + "\n").repeat(50));
    }
    return b.build();
  }
}
