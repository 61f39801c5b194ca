package dev.mwexp.maven;

import dev.mwexp.export.OutputDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Remembers what the last compile was made of — the spec's bytes, the formats and the plugin
 * build — so an unchanged build skips the work, as long as the output is still exactly what was
 * written (its manifest's hashes). The state lives beside the output, never in it.
 */
final class UpToDate {

  private final Path stateFile;
  private final Path spec;
  private final List<String> formats;

  UpToDate(Path stateFile, Path spec, List<String> formats) {
    this.stateFile = stateFile;
    this.spec = spec;
    this.formats = formats;
  }

  boolean isCurrent(Path output) {
    try {
      // The output itself is fingerprinted too: a file deleted, edited or added there means rebuild.
      return Files.isRegularFile(output.resolve(OutputDirectory.MANIFEST))
          && OutputDirectory.deviations(output).isEmpty()
          && Files.isRegularFile(stateFile)
          && Files.readString(stateFile).equals(fingerprint());
    } catch (IOException e) {
      return false;
    }
  }

  void record() {
    try {
      Files.createDirectories(stateFile.getParent());
      Files.writeString(stateFile, fingerprint());
    } catch (IOException e) {
      // Only costs a recompile next time.
    }
  }

  private String fingerprint() throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Files.readAllBytes(spec));
      sha.update(String.join(",", formats).getBytes(StandardCharsets.UTF_8));
      sha.update(pluginBuild().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plugin jar's identity: a rebuilt SNAPSHOT must not count as unchanged. */
  private static String pluginBuild() throws IOException {
    var location = UpToDate.class.getProtectionDomain().getCodeSource().getLocation();
    try {
      Path jar = Path.of(location.toURI());
      return jar + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return String.valueOf(location);
    }
  }
}
