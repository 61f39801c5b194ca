package dev.mwexp.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.export.Exporters;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The fairness check on mwexp's own compared files: passes as written, fails on each kind of break. */
class DocumentsTest {

  private final Map<String, String> ours =
      PeerComparison.compared(Exporters.compile(SyntheticSetups.ofHosts(10), PeerComparison.FORMATS).files());

  @Test
  void theComparedSetIsHostHieraSitePpTheScriptAndTheManifests() {
    org.assertj.core.api.Assertions.assertThat(ours.keySet())
        .contains("puppet/hieradata/hosts/wikikube-worker-exp00001.yaml", "puppet/manifests/site.pp",
            "puppet/modules/profile/files/kubernetes/node/mw-experimental-mediawiki-image-update.py",
            "k8s/dc1/deployment.yaml", "k8s/dc1/service.yaml", "k8s/dc1/configmap-php.yaml")
        .doesNotContain(PeerComparison.NOT_COMPARED)
        .hasSize(10 + 3 + 2);
  }

  @Test
  void sameDocumentsInOtherQuotingPass() {
    Map<String, String> theirs = new TreeMap<>(ours);
    theirs.put("k8s/dc1/service.yaml", ours.get("k8s/dc1/service.yaml").replace("type: NodePort", "type: 'NodePort'"));
    assertThatCode(() -> Documents.assertSame("peer", ours, theirs)).doesNotThrowAnyException();
  }

  @Test
  void aChangedValueFailsNamingTheFile() {
    Map<String, String> theirs = new TreeMap<>(ours);
    theirs.put("k8s/dc1/service.yaml", ours.get("k8s/dc1/service.yaml").replace("targetPort: 4456", "targetPort: 4457"));
    assertThatThrownBy(() -> Documents.assertSame("peer", ours, theirs)).hasMessageContaining("k8s/dc1/service.yaml");
  }

  @Test
  void aStringWhereMwexpWritesANumberFails() {
    Map<String, String> theirs = new TreeMap<>(ours);
    theirs.put("k8s/dc1/service.yaml", ours.get("k8s/dc1/service.yaml").replace("port: 4456", "port: \"4456\""));
    assertThatThrownBy(() -> Documents.assertSame("peer", ours, theirs)).hasMessageContaining("differs");
  }

  @Test
  void textFilesMustBeTheSameBytes() {
    Map<String, String> theirs = new TreeMap<>(ours);
    theirs.put("puppet/manifests/site.pp", ours.get("puppet/manifests/site.pp").replace("    role(", "  role("));
    assertThatThrownBy(() -> Documents.assertSame("peer", ours, theirs)).hasMessageContaining("site.pp");
  }

  @Test
  void aMissingOrExtraFileFails() {
    Map<String, String> missing = new TreeMap<>(ours);
    missing.remove("puppet/hieradata/hosts/wikikube-worker-exp00007.yaml");
    assertThatThrownBy(() -> Documents.assertSame("peer", ours, missing)).hasMessageContaining("other files");
    Map<String, String> extra = new TreeMap<>(ours);
    extra.put("hiera.yaml", "version: 5\n");
    assertThatThrownBy(() -> Documents.assertSame("peer", ours, extra)).hasMessageContaining("other files");
  }
}
