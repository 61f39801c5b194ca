package dev.mwexp.format.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.MergeConflict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The allow-list of mw-experimental's hostPath policy, edited inside its CEL expression. */
class HostPathAllowListTest {

  private static final String POLICY = """
      spec:
        validations:
        - expression: |-
            object.spec.volumes.all(volume, (
                !has(volume.hostPath) ||
                volume.hostPath.path in ["/usr/share/GeoIP", "/usr/share/GeoIPInfo", "/srv/mediawiki"
                ]
            ))
          message: >-
            Only these.""";

  @Test
  void theListBecomesTheMountedPathsInPlace() throws Exception {
    String after = new HostPathAllowList(List.of("/usr/share/GeoIP", "/usr/share/GeoIPInfo", "/srv/mw-test"))
        .apply(Optional.of(POLICY)).orElseThrow();
    assertThat(after).isEqualTo(POLICY.replace("\"/srv/mediawiki\"", "\"/srv/mw-test\""));
    assertThat(CelStringList.find(after, HostPathAllowList.SUBJECT).values())
        .containsExactly("/usr/share/GeoIP", "/usr/share/GeoIPInfo", "/srv/mw-test");
  }

  @Test
  void theSamePathsInAnotherOrderAreLeftAsWrittenAndNoFileIsCreated() throws Exception {
    assertThat(new HostPathAllowList(List.of("/srv/mediawiki", "/usr/share/GeoIP", "/usr/share/GeoIPInfo"))
        .apply(Optional.of(POLICY))).contains(POLICY);
    assertThat(new dev.mwexp.fragment.Merge.IfExists(new HostPathAllowList(List.of("/srv/mediawiki")))
        .apply(Optional.empty())).isEmpty();
  }

  @Test
  void aPolicyWithoutTheListIsAConflictNamingIt() {
    assertThatThrownBy(() -> new HostPathAllowList(List.of("/srv/mediawiki")).apply(Optional.of("spec: {}\n")))
        .isInstanceOf(MergeConflict.class).hasMessageContaining("<variable>.hostPath.path in [...]");
    assertThatThrownBy(() -> CelStringList.find("a: 1\nb: volume.hostPath.path in [\"/a\", other]", HostPathAllowList.SUBJECT))
        .isInstanceOf(MergeConflict.class).hasMessageContaining("something other than strings")
        .extracting(e -> ((MergeConflict) e).line()).isEqualTo(2);
  }

  /** The house style names the comprehension's variable as it likes ({@code vol}, {@code v}). */
  @Test
  void anyVariableNameAndSpacing() throws Exception {
    String vol = POLICY.replace("volume", "v").replace("v.hostPath.path in [", "v.hostPath.path  in\n    [");
    assertThat(CelStringList.find(vol, HostPathAllowList.SUBJECT).values())
        .containsExactly("/usr/share/GeoIP", "/usr/share/GeoIPInfo", "/srv/mediawiki");
    assertThat(new HostPathAllowList(List.of("/srv/mw-test")).apply(Optional.of(vol)).orElseThrow())
        .contains("v.hostPath.path  in\n    [\"/srv/mw-test\"\n");
    assertThat(CelStringList.find("involume.hostPath.path in [\"/a\"]", HostPathAllowList.SUBJECT).values())
        .containsExactly("/a");
  }

  /** deployment-charts' policies keep allow-lists in variables ({@code variables.allowedCapabilities}). */
  private static final String WITH_VARIABLE = """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata:
        name: allow-hostpath-mw-experimental
      spec:
        variables:
        - name: volumes
          expression: object.spec.?volumes.orValue([])
        - name: allowedHostPaths
          expression: |-
            ['/usr/share/GeoIP', '/usr/share/GeoIPInfo',
             '/srv/mediawiki']
        validations:
        - expression: |-
            variables.volumes.all(v, !has(v.hostPath) || v.hostPath.path in variables.allowedHostPaths)
          message: Only these.
      """;

  private static final String LIST = "    expression: |-\n      ['/usr/share/GeoIP', '/usr/share/GeoIPInfo',\n"
      + "       '/srv/mediawiki']\n";

  @Test
  void aListKeptInAVariableIsEditedWhereTheVariableIsWritten() throws Exception {
    assertThat(WITH_VARIABLE).contains(LIST);
    assertThat(CelStringList.find(WITH_VARIABLE, HostPathAllowList.SUBJECT).values())
        .containsExactly("/usr/share/GeoIP", "/usr/share/GeoIPInfo", "/srv/mediawiki");
    String after = new HostPathAllowList(List.of("/usr/share/GeoIP", "/usr/share/GeoIPInfo", "/srv/mw-test"))
        .apply(Optional.of(WITH_VARIABLE)).orElseThrow();
    assertThat(after).isEqualTo(WITH_VARIABLE.replace(LIST,
        "    expression: |-\n      [\"/usr/share/GeoIP\", \"/usr/share/GeoIPInfo\", \"/srv/mw-test\"]\n"));
    // A literal block without chomping, on one line.
    assertThat(CelStringList.find(WITH_VARIABLE.replace(LIST, "    expression: |\n      ['/srv/mediawiki']\n"),
        HostPathAllowList.SUBJECT).values()).containsExactly("/srv/mediawiki");
  }

  @Test
  void aVariableThatIsNoListLiteralIsAConflictNamingIt() {
    String computed = WITH_VARIABLE.replace(LIST, "    expression: variables.volumes.map(v, v.name)\n");
    assertThat(computed).isNotEqualTo(WITH_VARIABLE);
    assertThatThrownBy(() -> CelStringList.find(computed, HostPathAllowList.SUBJECT))
        .isInstanceOf(MergeConflict.class)
        .hasMessageContaining("the <variable>.hostPath.path list is variables.allowedHostPaths, which is not a list literal")
        .extracting(e -> ((MergeConflict) e).line()).isEqualTo(13);
  }
}
