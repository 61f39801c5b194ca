package dev.mwexp.format.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The zone reader on the constructs operations/dns's templates/wmnet uses (read 2026-08, 734c650c). */
class ZoneTemplateTest {

  private static List<String> cnames(ZoneTemplate zone) {
    return zone.records().stream().filter(r -> r.type().equals("CNAME"))
        .map(r -> r.firstLine() + " " + r.owner() + " " + r.ttl().orElse(-1) + " " + r.target() + " " + r.jinjaDepth())
        .toList();
  }

  @Test
  void absoluteRelativeDefaultedAndAtOwners() {
    ZoneTemplate zone = ZoneTemplate.read("""
        ; mw-experimental CNAMEs
        $TTL 600
        mw-experimental.eqiad.wmnet. 300 IN CNAME wikikube-worker-exp1001.eqiad.wmnet.
        $ORIGIN codfw.wmnet.
        mw-experimental    CNAME   wikikube-worker-exp2001 ; relative names
        other 60 IN A 10.0.0.1
        $ORIGIN mw-experimental.esams.wmnet.
        @  IN 1H CNAME wikikube-worker-exp3001.esams.wmnet.
        """);
    assertThat(zone.problems()).isEmpty();
    assertThat(cnames(zone)).containsExactly(
        "3 mw-experimental.eqiad.wmnet 300 wikikube-worker-exp1001.eqiad.wmnet 0",
        "5 mw-experimental.codfw.wmnet 600 wikikube-worker-exp2001.codfw.wmnet 0",
        "8 mw-experimental.esams.wmnet 3600 wikikube-worker-exp3001.esams.wmnet 0");
  }

  @Test
  void gdnsdDynamicRecordsAndTtlLimitsAreTokenisedNotRefused() {
    ZoneTemplate zone = ZoneTemplate.read("""
        $ORIGIN discovery.wmnet.
        logstash       300/10 IN DYNA metafo!disc-logstash
        search         300/10 IN DYNC geoip!disc-search
        $ADDR_LIMIT_V4 2
        """);
    assertThat(zone.problems()).isEmpty();
    assertThat(zone.records()).extracting(r -> r.owner() + " " + r.type() + " " + r.ttl().orElse(-1) + " " + r.data())
        .containsExactly("logstash.discovery.wmnet DYNA 300 [metafo!disc-logstash]",
            "search.discovery.wmnet DYNC 300 [geoip!disc-search]");
  }

  @Test
  void relativeOriginsIncludesAndInheritedOwners() {
    ZoneTemplate zone = ZoneTemplate.read("""
        $ORIGIN wmnet.
        $ORIGIN eqiad
        $INCLUDE netbox/eqiad.wmnet
        mw-experimental 1H IN CNAME wikikube-worker-exp1001
        _x-puppet._tcp     5M  IN SRV  0  5 8140 puppetserver1001.eqiad.wmnet.
                           5M  IN SRV  0  5 8140 puppetserver1002.eqiad.wmnet.
        """);
    assertThat(cnames(zone)).containsExactly("4 mw-experimental.eqiad.wmnet 3600 wikikube-worker-exp1001.eqiad.wmnet 0");
    ZoneTemplate.Entry inherited = zone.records().get(2);
    assertThat(inherited.owner()).isEqualTo("_x-puppet._tcp.eqiad.wmnet");
    assertThat(inherited.ownerText()).isEmpty();
    assertThat(zone.entries().get(2).isDirective()).isTrue();
  }

  @Test
  void parenthesesQuotesEscapesAndComments() {
    ZoneTemplate zone = ZoneTemplate.read("""
        @ 1H IN SOA ns0.wikimedia.org. hostmaster.wikimedia.org. (
                {{ serial_num }} ; serial (with a parenthesis in the comment
                12H 2H 2W 1H )
        txt 5M IN TXT "a ; not a comment" "a \\" quote" ; a comment
        semi\\;colon 5M IN TXT "x"
        mw-experimental 1H IN CNAME ( wikikube-worker-exp1001.eqiad.wmnet. ) ; kept
        """);
    assertThat(zone.problems()).isEmpty();
    List<ZoneTemplate.Entry> records = zone.records();
    assertThat(records.get(0).firstLine()).isEqualTo(1);
    assertThat(records.get(0).lastLine()).isEqualTo(3);
    assertThat(records.get(1).data()).containsExactly("\"a ; not a comment\"", "\"a \\\" quote\"");
    assertThat(records.get(1).comment()).isEqualTo("; a comment");
    assertThat(records.get(2).ownerText()).isEqualTo("semi\\;colon");
    assertThat(records.get(3).data()).containsExactly("wikikube-worker-exp1001.eqiad.wmnet.");
    assertThat(records.get(3).comment()).isEqualTo("; kept");
  }

  @Test
  void jinjaBlocksAreTracked() {
    ZoneTemplate zone = ZoneTemplate.read("""
        $ORIGIN eqiad.wmnet.
        {% for z in range(64,72) -%}
        {% for i in range(256) -%}
        kubernetes-pod-10-64-{{ z }}-{{ i }} 1H IN A 10.64.{{ z }}.{{ i }}
        {% endfor %}
        {% endfor %}
        {# a comment
           over lines #}
        {% include "netbox/eqiad.wmnet" %}
        mw-experimental 1H IN CNAME wikikube-worker-exp1001.eqiad.wmnet.
        """);
    assertThat(zone.problems()).isEmpty();
    assertThat(zone.records().get(0).jinjaDepth()).isEqualTo(2);
    assertThat(zone.records().get(0).templated()).isTrue();
    assertThat(cnames(zone)).containsExactly("10 mw-experimental.eqiad.wmnet 3600 wikikube-worker-exp1001.eqiad.wmnet 0");
  }

  @Test
  void brokenStructureIsAPositionedProblem() {
    assertThat(ZoneTemplate.read("a 1H IN SOA ns. host. ( 1 2\n3 4 5\n").problems())
        .containsExactly(new ZoneTemplate.Problem(1, 23, "'(' is never closed"));
    assertThat(ZoneTemplate.read("ok 1H IN A 10.0.0.1\nb 1H IN A 10.0.0.2 )\n").problems())
        .containsExactly(new ZoneTemplate.Problem(2, 20, "')' closes no '('"));
    assertThat(ZoneTemplate.read("t 1H IN TXT \"open\n").problems())
        .containsExactly(new ZoneTemplate.Problem(1, 13, "a quoted string is not closed on its line"));
    assertThat(ZoneTemplate.read("{% for i in x %}\na 1H IN A 10.0.0.1\n").problems())
        .extracting(ZoneTemplate.Problem::message).containsExactly("a Jinja block is left open at the end of the template");
  }

  @Test
  void ttlsAsBindAndGdnsdReadThem() {
    assertThat(ZoneTemplate.ttl("1H")).isEqualTo(OptionalInt.of(3600));
    assertThat(ZoneTemplate.ttl("1h30m")).isEqualTo(OptionalInt.of(5400));
    assertThat(ZoneTemplate.ttl("300/10")).isEqualTo(OptionalInt.of(300));
    assertThat(ZoneTemplate.ttl("3600")).isEqualTo(OptionalInt.of(3600));
    assertThat(ZoneTemplate.ttl("H")).isEmpty();
    assertThat(ZoneTemplate.ttl("99999999999")).isEmpty();
  }

  @Test
  void lineEndingsAndByteOrderMark() {
    ZoneTemplate zone = ZoneTemplate.read("\uFEFF$ORIGIN eqiad.wmnet.\r\nmw-experimental 1H IN CNAME h.eqiad.wmnet.\r\n");
    assertThat(zone.lineEnding()).isEqualTo("\r\n");
    assertThat(cnames(zone)).containsExactly("2 mw-experimental.eqiad.wmnet 3600 h.eqiad.wmnet 0");
  }
}
