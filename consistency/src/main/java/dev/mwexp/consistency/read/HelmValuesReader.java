package dev.mwexp.consistency.read;

import java.io.IOException;
import java.nio.file.Path;

/** Facts from Wikimedia helmfile values (values.yaml merged with values-&lt;dc&gt;.yaml). */
public final class HelmValuesReader {

  private HelmValuesReader() {}

  public static void read(Path serviceDir, KubernetesReader into) throws IOException {
    throw new IOException("helm values are not read yet");
  }
}
