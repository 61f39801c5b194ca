package dev.mwexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mwexp hosts}: where engineers look, per host, as text and as JSON. */
class HostsCommandTest {

  @TempDir Path tmp;

  @Test
  void theBuiltInModelsHostsWithTheirFourLinks() {
    CliRun r = CliRun.of("hosts", "--host", "wikikube-worker-exp1001");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("""
        wikikube-worker-exp1001.eqiad.wmnet (eqiad)
          X-Wikimedia-Debug: backend=k8s-mw-experimental-eqiad
          ssh:       ssh wikikube-worker-exp1001.eqiad.wmnet
          lock:      /usr/local/sbin/mw-experimental-mediawiki-image-update --lock
          metrics:   https://grafana.wikimedia.org/d/U7JT--knk/mw-on-k8s?orgId=1&var-dc=eqiad%20prometheus/k8s\
        &var-service=mediawiki&var-namespace=mw-experimental&var-release=pinkllama
          logs:      https://logstash.wikimedia.org/app/discover#/?_g=(time:(from:now-1h,to:now))&_a=(query:(language:kuery,\
        query:'servergroup:%22kube-mw-experimental%22%20and%20host:%22wikikube-worker-exp1001%22'))
        """);
    assertThat(CliRun.of("hosts").out()).contains("wikikube-worker-exp2001.codfw.wmnet (codfw)",
        "backend=k8s-mw-experimental-codfw");
  }

  @Test
  void twoHostsInADatacenterEachHaveTheirOwnBackendFirst() throws Exception {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
        datacenters:
          eqiad:
            hosts: [wikikube-worker-exp1001.eqiad.wmnet, wikikube-worker-exp1002.eqiad.wmnet]
        """);
    CliRun r = CliRun.of("hosts", spec.toString(), "--host", "wikikube-worker-exp1002.eqiad.wmnet", "--output", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode host = new ObjectMapper().readTree(r.out()).path("hosts").get(0);
    assertThat(host.path("xWikimediaDebug").toString())
        .isEqualTo("[\"backend=wikikube-worker-exp1002.eqiad.wmnet\",\"backend=k8s-mw-experimental-eqiad\"]");
    assertThat(host.path("datacenterBackendReaches").asText()).isEqualTo("wikikube-worker-exp1001.eqiad.wmnet");
    assertThat(CliRun.of("hosts", spec.toString(), "--host", "wikikube-worker-exp1002").out())
        .contains("X-Wikimedia-Debug: backend=k8s-mw-experimental-eqiad  (the datacenter's; it reaches"
            + " wikikube-worker-exp1001.eqiad.wmnet)");
  }

  @Test
  void anUnknownHostIsAUsageErrorNamingTheHosts() {
    CliRun r = CliRun.of("hosts", "--host", "mw1234");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--host mw1234 is none of the spec's hosts: wikikube-worker-exp2001.codfw.wmnet,"
        + " wikikube-worker-exp1001.eqiad.wmnet");
  }
}
