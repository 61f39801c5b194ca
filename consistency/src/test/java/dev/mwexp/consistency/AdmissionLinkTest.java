package dev.mwexp.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.format.cel.HostPathAllowList;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADMISSION: the namespace's labels and the hostPath policy, its CEL run by the real engine, admit the pods. */
class AdmissionLinkTest {

  private static final String POLICY = "charts/validating-admission-policies/templates/custom-policies/"
      + "allow-hostpath-mw-experimental/allow-hostpath-mw-experimental.yaml";
  private static final String NAMESPACES = "helmfile.d/admin_ng/values/main.yaml";

  @TempDir Path tmp;

  private static Report check(Map<Repository, Path> roots, Setup setup) {
    ArtifactTrees.Builder b = ArtifactTrees.builder();
    roots.forEach(b::repository);
    return RoutingConsistency.check(b.build(), setup);
  }

  private static List<String> admission(Report report) {
    return report.violations().stream().filter(v -> v.link().id().equals("ADMISSION")).map(Violation::format).toList();
  }

  private static Path charts(Map<Repository, Path> roots, String file) {
    return roots.get(Repository.CHARTS).resolve(file);
  }

  @Test
  void anotherMountPathIsRejectedUntilThePolicyListsIt() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    assertThat(admission(check(roots, Spec.defaultSetup()))).isEmpty();
    Setup setup = Spec.parse(Spec.defaultSpecText().replace("mountPath: /srv/mediawiki", "mountPath: /srv/mw-test"),
        "spec.yaml");
    assertThat(admission(check(roots, setup))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("expected admitted by allow-hostpath-mw-experimental (Only the GeoIP databases and the MediaWiki code"
            + " may be mounted from the host.), found hostPath volumes [/srv/mw-test, /usr/share/GeoIP,"
            + " /usr/share/GeoIPInfo]")
        .contains("[deployment-charts/" + POLICY + ":22, deployment-charts/helmfile.d/services/mw-experimental/values.yaml:"));
    Path policy = charts(roots, POLICY);
    Files.writeString(policy, new HostPathAllowList(List.of("/usr/share/GeoIP", "/usr/share/GeoIPInfo", "/srv/mw-test"))
        .apply(Optional.of(Files.readString(policy))).orElseThrow());
    assertThat(admission(check(roots, setup))).isEmpty();
  }

  @Test
  void everyValidationIsEvaluatedNotJustTheList() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path policy = charts(roots, POLICY);
    // The first validation no longer admits hostPath volumes at all: CEL, not a reading of the list, says so.
    Files.writeString(policy, Files.readString(policy).replace(" || has(vol.hostPath))", ")"));
    assertThat(admission(check(roots, Spec.defaultSetup()))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("(Volumes may only be configMap, emptyDir, projected, secret or hostPath.)")
        .contains(POLICY + ":16"));
  }

  @Test
  void theNamespacesOptOutKeepsPodSecuritysHostPathBanOff() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path namespaces = charts(roots, NAMESPACES);
    Files.writeString(namespaces, Files.readString(namespaces).replace(
        "      pod-security.wmf.org/disallow-host-path: exclude\n      pod-security.wmf.org/allow-hostpath-mw-experimental",
        "      pod-security.wmf.org/allow-hostpath-mw-experimental"));
    String ban = "charts/validating-admission-policies/templates/pod-security-standards/baseline/disallow-host-path/"
        + "disallow-host-path.yaml";
    assertThat(admission(check(roots, Spec.defaultSetup()))).containsExactly(
        "ADMISSION codfw pods: expected admitted by disallow-host-path (Pods of this namespace may not mount hostPath"
            + " volumes.), found hostPath volumes [/srv/mediawiki, /usr/share/GeoIP, /usr/share/GeoIPInfo]"
            + " [deployment-charts/" + ban + ":19, deployment-charts/" + ban + ":31, deployment-charts/" + NAMESPACES
            + ":21, deployment-charts/helmfile.d/services/mw-experimental/values.yaml:32]",
        "ADMISSION eqiad pods: expected admitted by disallow-host-path (Pods of this namespace may not mount hostPath"
            + " volumes.), found hostPath volumes [/srv/mediawiki, /usr/share/GeoIP, /usr/share/GeoIPInfo]"
            + " [deployment-charts/" + ban + ":19, deployment-charts/" + ban + ":31, deployment-charts/" + NAMESPACES
            + ":21, deployment-charts/helmfile.d/services/mw-experimental/values.yaml:32]");
  }

  /** The restricted profile's volume types leave hostPath out: a label change that binds it rejects the pods. */
  @Test
  void anyPolicyALabelChangeBindsIsRunOnTheHostPathVolumes() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path namespaces = charts(roots, NAMESPACES);
    String text = Files.readString(namespaces);
    Files.writeString(namespaces, text.replace("      pod-security.wmf.org/restrict-volume-types-restricted-volumes: exclude\n"
        + "      pod-security.wmf.org/disallow-host-path", "      pod-security.wmf.org/disallow-host-path"));
    assertThat(admission(check(roots, Spec.defaultSetup()))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("expected admitted by restrict-volume-types-restricted-volumes (The restricted profile allows configMap, csi,")
        .contains("restrict-volume-types-restricted-volumes.yaml:19, deployment-charts/charts/validating-admission-policies/templates/"
            + "pod-security-standards/restricted/restrict-volume-types/restrict-volume-types-restricted-volumes.yaml:34"));
    // A policy that does not match pod creation does not judge pods, whatever it says of volumes.
    Path types = charts(roots, "charts/validating-admission-policies/templates/pod-security-standards/restricted/"
        + "restrict-volume-types/restrict-volume-types-restricted-volumes.yaml");
    String policy = Files.readString(types);
    Files.writeString(types, policy.replace("resources: [pods]", "resources: [deployments]"));
    assertThat(admission(check(roots, Spec.defaultSetup()))).isEmpty();
    Files.writeString(types, policy);
    // The restricted profile's other policy (host ports) is bound too, and its verdict does not hang on volumes.
    Files.writeString(namespaces, text);
    assertThat(admission(check(roots, Spec.defaultSetup()))).isEmpty();
  }

  @Test
  void theAllowListPolicyMustBeBoundToTheNamespace() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path namespaces = charts(roots, NAMESPACES);
    Files.writeString(namespaces, Files.readString(namespaces).replace(
        "      pod-security.wmf.org/allow-hostpath-mw-experimental: include\n", ""));
    assertThat(admission(check(roots, Spec.defaultSetup()))).containsExactly(
        "ADMISSION namespace mw-experimental: expected allow-hostpath-mw-experimental bound to it"
            + " (pod-security.wmf.org/allow-hostpath-mw-experimental In [include]), found"
            + " pod-security.wmf.org/allow-hostpath-mw-experimental: no such label [deployment-charts/" + NAMESPACES
            + ":21, deployment-charts/" + POLICY + ":39]");
  }

  @Test
  void anAllowListThatMatchesNoPodCreationConstrainsNothing() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path policy = charts(roots, POLICY);
    Files.writeString(policy, Files.readString(policy).replace("operations: [CREATE, UPDATE]", "operations: [UPDATE]"));
    assertThat(admission(check(roots, Spec.defaultSetup()))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("expected the policy allow-hostpath-mw-experimental matching pods on CREATE (its allow-list applied"
            + " to them), found matchConstraints that take no pod being created in deployment-charts/" + POLICY));
  }

  @Test
  void withoutThePolicyFileThePodsHaveNothingAdmittingThem() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Files.delete(charts(roots, POLICY));
    assertThat(admission(check(roots, Spec.defaultSetup()))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("expected the policy allow-hostpath-mw-experimental admitting their hostPath volumes, found no file"));
  }

  /**
   * The policy in the style of deployment-charts' Pod Security policies (66ce6e0b5): optional
   * fields, variables that validations read, a match condition. Written for this test.
   */
  private static final String HOUSE_STYLE = """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata:
        name: allow-hostpath-mw-experimental
      spec:
        matchConstraints:
          resourceRules:
          - apiGroups: ['']
            apiVersions: ['*']
            operations: [CREATE, UPDATE]
            resources: [pods]
        matchConditions:
        - name: pods-of-the-namespace
          expression: request.namespace == namespaceObject.metadata.name
        variables:
        - name: hostPathVolumes
          expression: object.spec.?volumes.orValue([]).filter(v, has(v.hostPath))
        - name: allowed
          expression: |-
            ["/usr/share/GeoIP", "/usr/share/GeoIPInfo",
             "/srv/mediawiki"]
        validations:
        - expression: |-
            variables.hostPathVolumes.all(v, v.hostPath.path in variables.allowed)
          message: >-
            Only the GeoIP databases and the MediaWiki code may be mounted from the host.
        - expression: |-
            object.spec.containers.all(c, c.?volumeMounts.orValue([]).all(m, !m.mountPath.startsWith('/etc')) &&
              (oldObject == null || oldObject.metadata.namespace == object.metadata.namespace))
          message: Nothing is mounted over /etc.
      ---
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicyBinding
      metadata:
        name: allow-hostpath-mw-experimental
      spec:
        policyName: allow-hostpath-mw-experimental
        matchResources:
          namespaceSelector:
            matchLabels:
              pod-security.wmf.org/allow-hostpath-mw-experimental: include
        validationActions: [Deny]
      """;

  @Test
  void aPolicyInTheChartsHouseStyleIsRunAsTheApiServerRunsIt() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Files.writeString(charts(roots, POLICY), HOUSE_STYLE);
    assertThat(admission(check(roots, Spec.defaultSetup()))).isEmpty();
    Setup setup = Spec.parse(Spec.defaultSpecText().replace("mountPath: /srv/mediawiki", "mountPath: /srv/mw-test"),
        "spec.yaml");
    assertThat(admission(check(roots, setup))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("expected admitted by allow-hostpath-mw-experimental (Only the GeoIP databases")
        .contains("found hostPath volumes [/srv/mw-test, /usr/share/GeoIP, /usr/share/GeoIPInfo]")
        .contains(POLICY + ":23"));
    // sync's editor finds the list in the variable the validation reads, and the pods are admitted again.
    Path policy = charts(roots, POLICY);
    Files.writeString(policy, new HostPathAllowList(List.of("/usr/share/GeoIP", "/usr/share/GeoIPInfo", "/srv/mw-test"))
        .apply(Optional.of(Files.readString(policy))).orElseThrow());
    assertThat(Files.readString(policy)).contains("\"/srv/mw-test\"").doesNotContain("\"/srv/mediawiki\"");
    assertThat(admission(check(roots, setup))).isEmpty();
  }

  @Test
  void aMatchConditionThatIsFalseLeavesThePodsToOtherPolicies() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Files.writeString(charts(roots, POLICY), HOUSE_STYLE.replace("request.namespace == namespaceObject.metadata.name",
        "request.namespace != namespaceObject.metadata.name"));
    Setup setup = Spec.parse(Spec.defaultSpecText().replace("mountPath: /srv/mediawiki", "mountPath: /srv/mw-test"),
        "spec.yaml");
    assertThat(admission(check(roots, setup))).isEmpty();
  }

  @Test
  void aVariableThatErrsFailsTheValidationsThatReadIt() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Files.writeString(charts(roots, POLICY), HOUSE_STYLE.replace("object.spec.?volumes.orValue([])",
        "object.spec.volumez"));
    assertThat(admission(check(roots, Spec.defaultSetup()))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("expected a CEL expression that evaluates, found ")
        .contains("volumez")
        .contains("(in the variable it reads) [deployment-charts/" + POLICY + ":23, deployment-charts/" + POLICY + ":17]"));
    // failurePolicy: Ignore admits what errs.
    Files.writeString(charts(roots, POLICY), HOUSE_STYLE.replace("object.spec.?volumes.orValue([])",
        "object.spec.volumez").replace("spec:\n", "spec:\n  failurePolicy: Ignore\n"));
    assertThat(admission(check(roots, Spec.defaultSetup()))).isEmpty();
  }

  @Test
  void aValidationThatIsNotABoolIsAnError() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Files.writeString(charts(roots, POLICY), HOUSE_STYLE.replace(
        "variables.hostPathVolumes.all(v, v.hostPath.path in variables.allowed)", "variables.allowed"));
    assertThat(admission(check(roots, Spec.defaultSetup()))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("expected a CEL expression that evaluates, found evaluates to [/usr/share/GeoIP,"));
  }

  @Test
  void kubernetesOwnLibrariesAreNamedAsWhatTheEngineLacks() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Files.writeString(charts(roots, POLICY), HOUSE_STYLE.replace("!m.mountPath.startsWith('/etc')",
        "size(m.mountPath.findAll('^/etc')) == 0"));
    assertThat(admission(check(roots, Spec.defaultSetup()))).hasSize(2).allSatisfy(v -> assertThat(v)
        .contains("found uses findAll from Kubernetes' regex library, which mwexp's CEL engine (cel-java) does not"
            + " have, so whether it admits the pods is not known")
        .contains(POLICY + ":27"));
  }
}
