package dev.mwexp.format.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.testing.ZoneClients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the editor writes, rendered by real Jinja and loaded by real BIND: exactly one record per
 * datacenter, however the template around it is laid out. The template is shaped like
 * operations/dns's templates/wmnet (read 2026-08, 734c650c): SOA in parentheses, a nested Jinja
 * loop of pod records, {@code $INCLUDE}s of netbox files, inherited owners; gdnsd's DYNA records
 * are left out, as BIND does not know them.
 */
class ZoneEditorRealClientsTest {

  @TempDir Path dir;

  static final String TEMPLATE = """
      ; {{ serial_comment }}
      $TTL 1H
      @ 1H IN SOA ns0.wikimedia.org. hostmaster.wikimedia.org. (
              {{ serial_num }} ; serial
              12H 2H 2W 1H )
      @           1D  IN NS       ns0.wikimedia.org.

      $ORIGIN eqiad.wmnet.
      _x-puppet._tcp     5M  IN SRV  0  5 8140 puppetserver1001.eqiad.wmnet.
                         5M  IN SRV  0  5 8140 puppetserver1002.eqiad.wmnet.
      syslog          1H  IN CNAME    syslog.anycast.wmnet.
      $INCLUDE netbox/eqiad.wmnet
      {% for z in range(64,66) -%}
      {% for i in range(4) -%}
      kubernetes-pod-10-64-{{ z }}-{{ i }} 1H IN A 10.64.{{ z }}.{{ i }}
      {% endfor %}
      {% endfor %}
      @MANAGED@
      $ORIGIN codfw.wmnet.
      syslog          1H  IN CNAME    syslog.anycast.wmnet.
      {% for i in range(4) -%}
      kubernetes-pod-10-192-75-{{ i }} 1H IN A 10.192.75.{{ i }}
      {% endfor %}
      """;

  private String synced(String template) throws Exception {
    Files.createDirectories(dir.resolve("netbox"));
    Files.writeString(dir.resolve("netbox/eqiad.wmnet"), "wikikube-worker-exp1001 1H IN A 10.64.0.10\n");
    String once = ZoneEditor.apply(template, ZoneEditorTest.BOTH);
    assertThat(ZoneEditor.apply(once, ZoneEditorTest.BOTH)).isEqualTo(once);
    // One space between fields, so lines can be compared.
    return ZoneClients.check(ZoneClients.render(once, dir), "wmnet", dir).replaceAll("[ \\t]+", " ");
  }

  private static long cnames(String dump, String owner) {
    return dump.lines().filter(l -> l.startsWith(owner + ". ") && l.contains(" CNAME ")).count();
  }

  @Test
  void recordsAddedToATemplateWithLoopsRenderOnceEach() throws Exception {
    String dump = synced(TEMPLATE.replace("@MANAGED@", ""));
    assertThat(cnames(dump, "mw-experimental.eqiad.wmnet")).isOne();
    assertThat(cnames(dump, "mw-experimental.codfw.wmnet")).isOne();
    assertThat(dump).contains("mw-experimental.codfw.wmnet. 3600 IN CNAME wikikube-worker-exp2001.codfw.wmnet.");
    // The neighbours' records are all still there: 8 + 4 pods, two SRVs of one owner.
    assertThat(dump.lines().filter(l -> l.startsWith("kubernetes-pod-"))).hasSize(12);
    assertThat(dump.lines().filter(l -> l.startsWith("_x-puppet._tcp.eqiad.wmnet."))).hasSize(2);
  }

  @Test
  void aParenthesisedRecordIsRewrittenWhole() throws Exception {
    String dump = synced(TEMPLATE.replace("@MANAGED@",
        "mw-experimental 1H IN CNAME ( wikikube-worker-exp1009.eqiad.wmnet. ; old\n    )"));
    assertThat(dump).contains("mw-experimental.eqiad.wmnet. 3600 IN CNAME wikikube-worker-exp1001.eqiad.wmnet.");
    assertThat(cnames(dump, "mw-experimental.eqiad.wmnet")).isOne();
  }
}
