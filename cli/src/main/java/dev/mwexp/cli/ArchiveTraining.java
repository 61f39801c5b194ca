package dev.mwexp.cli;

import dev.mwexp.fragment.Repository;
import dev.mwexp.repos.Checkouts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one run whose loaded classes the ./mwexp wrapper archives for class-data sharing: every
 * command's usual path on the built-in model, in one process, in a scratch directory, printing
 * nothing. A class left out here is only loaded the slow way, never missing.
 *
 * <p>Usage (the wrapper's): {@code java -XX:ArchiveClassesAtExit=A -cp mwexp-cli.jar
 * dev.mwexp.cli.ArchiveTraining SCRATCH}
 */
final class ArchiveTraining {

  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    Path scratch = Path.of(args[0]);
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    Path out = scratch.resolve("out");
    Main.run(quiet, quiet, "validate");
    Main.run(quiet, quiet, "compile", "--out", out.toString(), "--dry-run");
    Main.run(quiet, quiet, "compile", "--out", out.toString());
    Path spec = scratch.resolve("spec.yaml");
    java.io.StringWriter builtIn = new java.io.StringWriter();
    Main.run(new PrintWriter(builtIn), quiet, "spec");
    Files.writeString(spec, builtIn.toString());
    Main.run(quiet, quiet, "check", spec.toString(), "--against", out.toString());
    // The compiled tree, marked as the four checkouts, for the commands that read checkouts.
    for (Repository r : Repository.all()) {
      Files.createDirectories(out.resolve(r.directory()).resolve(r.marker().replace("*", "x")));
    }
    // Admission policies, their bindings and the namespace's labels, as deployment-charts holds
    // them: check runs them through CEL, whose parser, checker and runtime are most of the classes
    // check loads, and another team's policy bound to the namespace on the pod with and without
    // its hostPath volumes.
    String policies = "deployment-charts/charts/validating-admission-policies/templates/";
    write(out.resolve(policies + "custom-policies/allow-hostpath-mw-experimental/allow-hostpath-mw-experimental.yaml"),
        "apiVersion: admissionregistration.k8s.io/v1",
        "kind: ValidatingAdmissionPolicy",
        "metadata:",
        "  name: allow-hostpath-mw-experimental",
        "spec:",
        "  variables:",
        "  - name: volumes",
        "    expression: object.spec.?volumes.orValue([])",
        "  validations:",
        "  - expression: |-",
        "      variables.volumes.all(v, !has(v.hostPath) || v.hostPath.path in ['/srv/mediawiki'])",
        "    message: only the code from the host",
        "---",
        "apiVersion: admissionregistration.k8s.io/v1",
        "kind: ValidatingAdmissionPolicyBinding",
        "metadata:",
        "  name: allow-hostpath-mw-experimental",
        "spec:",
        "  policyName: allow-hostpath-mw-experimental",
        "  matchResources:",
        "    namespaceSelector:",
        "      matchExpressions:",
        "      - key: pod-security.wmf.org/allow-hostpath-mw-experimental",
        "        operator: In",
        "        values: [include]",
        "  validationActions: [Deny]");
    write(out.resolve(policies + "pod-security-standards/restricted/volumes/volumes.yaml"),
        "apiVersion: admissionregistration.k8s.io/v1",
        "kind: ValidatingAdmissionPolicy",
        "metadata:",
        "  name: volumes",
        "spec:",
        "  validations:",
        "  - expression: object.spec.?volumes.orValue([]).all(v, has(v.configMap))",
        "    message: configMap volumes only",
        "---",
        "apiVersion: admissionregistration.k8s.io/v1",
        "kind: ValidatingAdmissionPolicyBinding",
        "metadata:",
        "  name: volumes",
        "spec:",
        "  policyName: volumes",
        "  matchResources:",
        "    namespaceSelector:",
        "      matchLabels:",
        "        pod-security.wmf.org/profile: restricted",
        "  validationActions: [Deny]");
    write(out.resolve("deployment-charts/helmfile.d/admin_ng/values/main.yaml"),
        "namespaces:",
        "  mw-experimental:",
        "    labels:",
        "      pod-security.wmf.org/profile: restricted",
        "      pod-security.wmf.org/allow-hostpath-mw-experimental: include");
    String[] checkouts = {"--puppet", out.resolve("puppet").toString(), "--charts", out.resolve("deployment-charts").toString(),
        "--dns", out.resolve("dns").toString(), "--mediawiki-config", out.resolve("mediawiki-config").toString()};
    Main.run(quiet, quiet, concat(new String[] {"check", spec.toString()}, checkouts));
    Main.run(quiet, quiet, concat(new String[] {"sync", spec.toString(), "--dry-run"}, checkouts));
    Main.run(quiet, quiet, concat(new String[] {"import"}, checkouts));
    System.exit(0);
  }

  /** A file of these lines, each ending in a newline, and its directories. */
  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
