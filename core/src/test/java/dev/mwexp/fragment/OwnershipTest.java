package dev.mwexp.fragment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OwnershipTest {

  @Test
  void aDatacentersHostsShareTheStemOfTheirNamesAndOthersAreNamedExactly() {
    Setup setup = Setup.builder()
        .addDatacenters(Datacenter.of("mw-experimental", "eqiad", "wikikube-worker-exp1001.eqiad.wmnet",
            "wikikube-worker-exp1002.eqiad.wmnet", "mwdebug.eqiad.wmnet", "ab1.eqiad.wmnet"))
        .addDatacenters(Datacenter.of("mw-experimental", "codfw", "wikikube-worker-exp2001.codfw.wmnet", "mw2.codfw.wmnet"))
        .build();
    assertThat(Ownership.hostGlobs(setup)).containsExactly("ab1", "mw2", "mwdebug", "wikikube-worker-exp*");
  }

  /** The globs are each host's own, whatever the order and the mix of stems (the loop skips repeats). */
  @Test
  void everyHostGetsTheGlobOfItsOwnName() {
    String[] stems = {"wikikube-worker-exp", "mw", "ab", "abc", "mwdebug", "a1b", "x"};
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      List<String> hosts = new ArrayList<>();
      for (int i = 1 + r.nextInt(12); i > 0; i--) {
        String stem = stems[r.nextInt(stems.length)];
        hosts.add(stem + (r.nextBoolean() ? String.valueOf(r.nextInt(3000)) : "") + ".eqiad.wmnet");
      }
      Setup setup = Setup.builder().addDatacenters(Datacenter.builder().name("eqiad").hosts(hosts)
          .cname(dev.mwexp.model.Cname.builder().name("mw.eqiad.wmnet").target(hosts.get(0)).build()).build()).build();
      TreeSet<String> expected = new TreeSet<>();
      for (String host : hosts) {
        String name = host.substring(0, host.indexOf('.'));
        String stem = name.replaceAll("[0-9]+$", "");
        expected.add(stem.length() >= 3 && !stem.equals(name) ? stem + "*" : name);
      }
      assertThat(Ownership.hostGlobs(setup)).as(hosts.toString()).containsExactlyElementsOf(expected);
    });
  }
}
