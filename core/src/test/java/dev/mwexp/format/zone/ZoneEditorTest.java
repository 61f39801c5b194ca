package dev.mwexp.format.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Merge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Before/after tests of the zone editor, in OpenRewrite's style: each applies the merge, compares
 * with the expected text written here, applies it again (nothing changes) and reads the result back.
 */
class ZoneEditorTest {

  static final ZoneRecords BOTH = new ZoneRecords("mw-experimental", Map.of(
      "eqiad.wmnet.", new ZoneTarget("1H", "wikikube-worker-exp1001.eqiad.wmnet."),
      "codfw.wmnet.", new ZoneTarget("1H", "wikikube-worker-exp2001.codfw.wmnet.")),
      List.of("wikikube-worker-exp*"), "");

  static void rewrites(String before, ZoneRecords merge, String after) throws MergeConflict {
    String once = ZoneEditor.apply(before, merge);
    assertThat(once).isEqualTo(after);
    assertThat(ZoneEditor.apply(once, merge)).as("applied twice").isEqualTo(once);
    ZoneTemplate read = ZoneTemplate.read(once);
    assertThat(read.problems()).isEmpty();
    for (Map.Entry<String, ZoneTarget> want : merge.targets().entrySet()) {
      String owner = merge.name() + "." + want.getKey().substring(0, want.getKey().length() - 1);
      assertThat(read.records()).filteredOn(r -> r.owner().equals(owner) && r.type().equals("CNAME"))
          .extracting(ZoneTemplate.Entry::target).containsExactly(want.getValue().target().replaceAll("\\.$", ""));
    }
  }

  @Test
  void aRecordThatIsRightIsLeftByteForByteHoweverItIsSpelt() throws Exception {
    String zone = """
        $ORIGIN eqiad.wmnet.
        mw-experimental.eqiad.wmnet. 3600 IN CNAME wikikube-worker-exp1001 ; absolute owner, seconds
        $ORIGIN mw-experimental.codfw.wmnet.
        @   1h  CNAME   wikikube-worker-exp2001.codfw.wmnet.
        """;
    rewrites(zone, BOTH, zone);
  }

  @Test
  void aWrongTargetIsRewrittenKeepingOwnerSpellingLayoutAndComment() throws Exception {
    rewrites("""
        $ORIGIN eqiad.wmnet.
        mw-experimental      1H  IN CNAME    wikikube-worker-exp1009.eqiad.wmnet. ; T12345
        $ORIGIN codfw.wmnet.
        mw-experimental.codfw.wmnet. 1H IN CNAME ( wikikube-worker-exp2009.codfw.wmnet.
            )
        next 1H IN A 10.0.0.1
        """, BOTH, """
        $ORIGIN eqiad.wmnet.
        mw-experimental      1H  IN CNAME    wikikube-worker-exp1001.eqiad.wmnet. ; T12345
        $ORIGIN codfw.wmnet.
        mw-experimental.codfw.wmnet. 1H IN CNAME wikikube-worker-exp2001.codfw.wmnet.
        next 1H IN A 10.0.0.1
        """);
  }

  @Test
  void aMissingRecordNeverGoesInsideAJinjaBlockNorSplitsAnInheritedOwner() throws Exception {
    rewrites("""
        $ORIGIN eqiad.wmnet.
        {% for i in range(256) -%}
        kubernetes-pod-{{ i }} 1H IN A 10.64.75.{{ i }}
        {% endfor %}
        logstash 5M IN CNAME logstash1001.eqiad.wmnet.
                 5M IN TXT "continued"
        mw-parsoid 1H  IN CNAME  parsoid.discovery.wmnet.
        $ORIGIN codfw.wmnet.
        mw-experimental 1H IN CNAME wikikube-worker-exp2001.codfw.wmnet.
        """, BOTH, """
        $ORIGIN eqiad.wmnet.
        {% for i in range(256) -%}
        kubernetes-pod-{{ i }} 1H IN A 10.64.75.{{ i }}
        {% endfor %}
        logstash 5M IN CNAME logstash1001.eqiad.wmnet.
                 5M IN TXT "continued"
        mw-experimental 1H IN CNAME wikikube-worker-exp1001.eqiad.wmnet.
        mw-parsoid 1H  IN CNAME  parsoid.discovery.wmnet.
        $ORIGIN codfw.wmnet.
        mw-experimental 1H IN CNAME wikikube-worker-exp2001.codfw.wmnet.
        """);
  }

  @Test
  void aMissingRecordIsLaidOutLikeItsNeighbourTargetsInOneColumn() throws Exception {
    rewrites("""
        $ORIGIN eqiad.wmnet.
        apt          5M  IN CNAME    apt1001.wikimedia.org.
        $ORIGIN codfw.wmnet.
        mw-experimental 1H IN CNAME wikikube-worker-exp2001.codfw.wmnet.
        """, BOTH, """
        $ORIGIN eqiad.wmnet.
        apt          5M  IN CNAME    apt1001.wikimedia.org.
        mw-experimental 1H IN CNAME  wikikube-worker-exp1001.eqiad.wmnet.
        $ORIGIN codfw.wmnet.
        mw-experimental 1H IN CNAME wikikube-worker-exp2001.codfw.wmnet.
        """);
  }

  @Test
  void lineEndingsAndByteOrderMarkAreKept() throws Exception {
    rewrites("\uFEFF; zone\r\n$ORIGIN eqiad.wmnet.\r\nmw-experimental 1H IN CNAME old.eqiad.wmnet.\r\n"
            + "$ORIGIN codfw.wmnet.\r\napt 1H IN CNAME apt.wikimedia.org.\r\n", BOTH,
        "\uFEFF; zone\r\n$ORIGIN eqiad.wmnet.\r\nmw-experimental 1H IN CNAME wikikube-worker-exp1001.eqiad.wmnet.\r\n"
            + "$ORIGIN codfw.wmnet.\r\napt 1H IN CNAME apt.wikimedia.org.\r\n"
            + "mw-experimental 1H IN CNAME wikikube-worker-exp2001.codfw.wmnet.\r\n");
  }

  @Test
  void aDroppedDatacenterLosesOnlyItsOwnRecord() throws Exception {
    ZoneRecords eqiadOnly = new ZoneRecords("mw-experimental",
        Map.of("eqiad.wmnet.", new ZoneTarget("1H", "wikikube-worker-exp1001.eqiad.wmnet.")),
        List.of("wikikube-worker-exp*"), "");
    rewrites("""
        $ORIGIN eqiad.wmnet.
        mw-experimental 1H IN CNAME wikikube-worker-exp1001.eqiad.wmnet.
        $ORIGIN codfw.wmnet.
        mw-experimental 1H IN CNAME wikikube-worker-exp2001.codfw.wmnet.
        $ORIGIN esams.wmnet.
        mw-experimental 1H IN CNAME somebody-else.esams.wmnet.
        """, eqiadOnly, """
        $ORIGIN eqiad.wmnet.
        mw-experimental 1H IN CNAME wikikube-worker-exp1001.eqiad.wmnet.
        $ORIGIN codfw.wmnet.
        $ORIGIN esams.wmnet.
        mw-experimental 1H IN CNAME somebody-else.esams.wmnet.
        """);
  }

  @Test
  void aRecordInsideAJinjaBlockOrABrokenTemplateIsAPositionedConflict() {
    assertThatThrownBy(() -> ZoneEditor.apply("""
        $ORIGIN eqiad.wmnet.
        {% if true %}
        mw-experimental 1H IN CNAME wikikube-worker-exp1009.eqiad.wmnet.
        {% endif %}
        """, BOTH)).isInstanceOf(MergeConflict.class).hasMessageContaining("line 3:").hasMessageContaining("Jinja block");
    assertThatThrownBy(() -> ZoneEditor.apply("$ORIGIN eqiad.wmnet.\nx 1H IN TXT ( \"a\"\n", BOTH))
        .isInstanceOf(MergeConflict.class).hasMessageContaining("line 2:").hasMessageContaining("never closed");
    assertThatThrownBy(() -> ZoneEditor.apply("""
        $ORIGIN eqiad.wmnet.
        mw-experimental 1H IN CNAME a.eqiad.wmnet.
        mw-experimental.eqiad.wmnet. 1H IN CNAME b.eqiad.wmnet.
        """, BOTH)).isInstanceOf(MergeConflict.class).hasMessageContaining("line 3:").hasMessageContaining("two CNAMEs");
  }
}
