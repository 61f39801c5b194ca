package dev.mwexp.format.sitepp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mwexp.fragment.MergeConflict;
import dev.mwexp.fragment.Merge;
import dev.mwexp.testing.RealClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * site.pp's node statements in every layout Puppet accepts, and Puppet's choice among them; each
 * result applied twice and checked by {@code puppet parser validate}.
 */
class SitePpTest {

  @TempDir Path tmp;

  static final NodeStanzas BOTH = new NodeStanzas(
      Map.of("wikikube-worker-exp1001", "eqiad", "wikikube-worker-exp2001", "codfw"), "kubernetes::worker",
      List.of("wikikube-worker-exp*"), "");

  private void rewrites(String before, String after) throws Exception {
    String once = SitePp.apply(before, BOTH);
    assertThat(once).isEqualTo(after);
    assertThat(SitePp.apply(once, BOTH)).as("applied twice").isEqualTo(once);
    RealClients.require("puppet");
    Path file = Files.writeString(tmp.resolve("site.pp"), once);
    RealClients.Result r = RealClients.run(List.of("puppet", "parser", "validate", file.toString()), tmp, 120);
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void anyLayoutOfANodeStatementIsRecognised() throws Exception {
    String site = """
        # node /^wikikube-worker-exp1001\\.eqiad\\./ { role(mediawiki::appserver) } -- a comment, not a node
        /* node 'wikikube-worker-exp2001.codfw.wmnet' { } */
        node 'deploy1003.eqiad.wmnet', /^deploy2002\\./ {
            role(deployment_server::kubernetes)
        }

          node /^wikikube-worker-exp1001\\.eqiad\\./
          {
              role(kubernetes::worker)
          }
        node "wikikube-worker-exp2001.codfw.wmnet" { role( 'kubernetes::worker' ) }

        node default {
            include profile::base::production
        }
        """;
    rewrites(site, site);
    assertThat(SitePp.stanzas(site)).extracting(s -> s.host() + " " + s.datacenter() + " " + s.role() + " " + s.first() + "-" + s.last())
        .containsExactly("wikikube-worker-exp1001 eqiad kubernetes::worker 7-10",
            "wikikube-worker-exp2001 codfw kubernetes::worker 11-11");
  }

  @Test
  void anExactNameWithAnotherRoleWinsOverTheRegexAndIsAConflict() {
    String site = """
        node /^wikikube-worker-exp1001\\.eqiad\\./ {
            role(kubernetes::worker)
        }
        node /^wikikube-worker-exp2001\\.codfw\\./ {
            role(kubernetes::worker)
        }
        node 'wikikube-worker-exp1001.eqiad.wmnet' { role(mediawiki::appserver) }
        """;
    assertThatThrownBy(() -> SitePp.apply(site, BOTH)).isInstanceOf(MergeConflict.class)
        .hasMessageStartingWith("line 7: the node statement Puppet picks for wikikube-worker-exp1001.eqiad.wmnet gives"
            + " role(mediawiki::appserver) (an exact name, which wins over any regex)");
    // And the checker's view: the exact name is read last, so it is the host's stanza.
    try {
      assertThat(SitePp.stanzas(site)).last().extracting(SitePp.Stanza::role).isEqualTo("mediawiki::appserver");
    } catch (MergeConflict e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aMissingHostGetsAStanzaInTheFilesLineEndings() throws Exception {
    rewrites("node /^wikikube-worker-exp1001\\.eqiad\\./ {\r\n    role(kubernetes::worker)\r\n}\r\n\r\n"
            + "node default {\r\n    include profile::base::production\r\n}\r\n",
        "node /^wikikube-worker-exp1001\\.eqiad\\./ {\r\n    role(kubernetes::worker)\r\n}\r\n\r\n"
            + "node /^wikikube-worker-exp2001\\.codfw\\./ {\r\n    role(kubernetes::worker)\r\n}\r\n\r\n"
            + "node default {\r\n    include profile::base::production\r\n}\r\n");
  }

  @Test
  void aHostCoveredByAnotherRegexWithTheRightRoleGetsNoSecondStanza() throws Exception {
    String site = """
        node /^wikikube-worker-exp[12]001\\.(eqiad|codfw)\\./ {
            role(kubernetes::worker)
        }
        """;
    rewrites(site, site);
  }

  @Test
  void aDroppedHostLosesOnlyItsOwnStanza() throws Exception {
    rewrites("""
        node /^wikikube-worker-exp1001\\.eqiad\\./ {
            role(kubernetes::worker)
        }

        node /^wikikube-worker-exp1002\\.eqiad\\./ {
            role(kubernetes::worker)
        }

        node /^wikikube-worker-exp2001\\.codfw\\./ {
            role(kubernetes::worker)
        }
        """, """
        node /^wikikube-worker-exp1001\\.eqiad\\./ {
            role(kubernetes::worker)
        }

        node /^wikikube-worker-exp2001\\.codfw\\./ {
            role(kubernetes::worker)
        }
        """);
  }

  @Test
  void aNewStanzaGoesAboveTheCommentOfTheStanzaAfterIt() throws Exception {
    rewrites("""
        node /^wikikube-worker-exp1001\\.eqiad\\./ {
            role(kubernetes::worker)
        }

        # Test zookeeper in eqiad
        node /^zookeeper-test1002\\.eqiad\\./ {
            role(zookeeper::test)
        }
        """,
        """
        node /^wikikube-worker-exp1001\\.eqiad\\./ {
            role(kubernetes::worker)
        }

        node /^wikikube-worker-exp2001\\.codfw\\./ {
            role(kubernetes::worker)
        }

        # Test zookeeper in eqiad
        node /^zookeeper-test1002\\.eqiad\\./ {
            role(zookeeper::test)
        }
        """);
  }

  @Test
  void aFileWithoutNodesGetsEveryStanzaBeforeItsTrailingBlankLines() throws Exception {
    rewrites("# Node definitions\n\n\n", "# Node definitions\n\n"
        + "node /^wikikube-worker-exp1001\\.eqiad\\./ {\n    role(kubernetes::worker)\n}\n\n"
        + "node /^wikikube-worker-exp2001\\.codfw\\./ {\n    role(kubernetes::worker)\n}\n\n\n");
    rewrites("# CRLF\r\n", "# CRLF\r\n\r\n"
        + "node /^wikikube-worker-exp1001\\.eqiad\\./ {\r\n    role(kubernetes::worker)\r\n}\r\n\r\n"
        + "node /^wikikube-worker-exp2001\\.codfw\\./ {\r\n    role(kubernetes::worker)\r\n}\r\n");
    rewrites("", "\nnode /^wikikube-worker-exp1001\\.eqiad\\./ {\n    role(kubernetes::worker)\n}\n\n"
        + "node /^wikikube-worker-exp2001\\.codfw\\./ {\n    role(kubernetes::worker)\n}\n");
  }

  /**
   * A file without node statements takes its own path (an empty repository's seed, written straight
   * into one buffer); it must place stanzas exactly as the general path does once one exists.
   */
  @Test
  void aFileWithoutNodesIsWrittenAsTheGeneralPathWouldWriteIt() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      java.util.Random random = new java.util.Random(seed);
      StringBuilder text = new StringBuilder();
      String eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
      for (int i = random.nextInt(5); i > 0; i--) {
        text.append(random.nextBoolean() ? "# a comment " + i : random.nextBoolean() ? "" : "  ").append(eol);
      }
      if (random.nextBoolean() && text.length() > 0) {
        text.setLength(text.length() - eol.length()); // no final line break
      }
      java.util.TreeMap<String, String> hosts = new java.util.TreeMap<>();
      for (int i = 1 + random.nextInt(6); i > 0; i--) {
        hosts.put("wikikube-worker-exp" + (1000 + random.nextInt(40)), random.nextBoolean() ? "eqiad" : "codfw");
      }
      List<String> globs = List.of("wikikube-worker-exp*");
      try {
        String direct = SitePp.apply(text.toString(), new NodeStanzas(hosts, "kubernetes::worker", globs, ""));
        // The first host alone (no node yet), then all of them through the general path.
        String first = SitePp.apply(text.toString(),
            new NodeStanzas(Map.of(hosts.firstKey(), hosts.firstEntry().getValue()), "kubernetes::worker", globs, ""));
        String stepwise = SitePp.apply(first, new NodeStanzas(hosts, "kubernetes::worker", globs, ""));
        assertThat(direct).as(text.toString()).isEqualTo(stepwise);
        assertThat(SitePp.stanzas(direct)).extracting(SitePp.Stanza::host).containsExactlyElementsOf(hosts.keySet());
      } catch (MergeConflict e) {
        throw new AssertionError(e);
      }
    });
  }
}
