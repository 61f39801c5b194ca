package dev.mwexp.maven;

import dev.mwexp.export.Exporters;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.spec.SpecException;
import dev.mwexp.validation.Problem;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Loading the spec with problems in Maven's error output, for both goals. */
final class Specs {

  private Specs() {}

  static Setup load(Path spec, Log log) throws MojoFailureException {
    try {
      return Spec.load(spec);
    } catch (SpecException e) {
      for (Problem p : e.problems()) {
        log.error(p.format());
      }
      throw new MojoFailureException(
          e.problems().size() + " problem(s) in the mwexp spec " + spec
              + "; fix them, or point <spec> (-Dmwexp.spec=...) at another file");
    }
  }

  static void checkFormats(List<String> formats) throws MojoExecutionException {
    for (String format : formats) {
      if (!Exporters.exporters().containsKey(format)) {
        throw new MojoExecutionException(
            "unknown format '" + format + "' in <formats>; use some of "
                + String.join(", ", Exporters.exporters().keySet()));
      }
    }
  }
}
