package dev.mwexp.hiera;

import dev.mwexp.testing.RealClients;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.YamlText;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.SetupGenerators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated tree through real Puppet: for every host one {@code puppet apply} looks up every
 * key with the generated {@code hiera.yaml} and reports its Puppet type and its exact bytes
 * (base64, via Puppet's Binary type), which must be what the model says.
 */
class PuppetLookupTest {

  @TempDir static Path tmp;

  @BeforeAll
  static void puppet() {
    RealClients.require("puppet");
  }

  /** Looks up keys on a node; key -> [type matched, base64 of each string] per MWEXP line. */
  private static Map<String, List<String>> lookup(Path tree, String host, Map<String, String> keyTypes) throws Exception {
    StringBuilder manifest = new StringBuilder();
    keyTypes.forEach((key, type) -> manifest.append(String.format(
        "$v_%1$d = lookup('%2$s', undef, undef, undef)%n"
            + "notice(\"MWEXP\\t%2$s\\t${$v_%1$d =~ %3$s}\\t${[$v_%1$d].flatten.map |$s| { String(Binary(String($s), '%%s'), '%%B') }.join(',')}\")%n",
        manifest.length(), key, type)));
    Path pp = Files.writeString(tree.resolve("lookup-" + host + ".pp"), manifest.toString());
    Path state = Files.createDirectories(tmp.resolve("puppet-" + host));
    String site = host.split("\\.")[1];
    RealClients.Result r = RealClients.run(List.of("env", "FACTER_site=" + site, "FACTER__role=kubernetes/worker",
        "puppet", "apply", "--color=false", "--noop", "--hiera_config", tree.resolve("hiera.yaml").toString(),
        "--certname", host, "--confdir", state.resolve("conf").toString(), "--codedir", state.resolve("code").toString(),
        "--vardir", state.resolve("var").toString(), "--logdir", state.resolve("log").toString(),
        "--rundir", state.resolve("run").toString(), pp.toString()), tree, 120);
    Map<String, List<String>> out = new TreeMap<>();
    for (String line : r.output().split("\n")) {
      int at = line.indexOf("MWEXP\t");
      if (at >= 0) {
        String[] cells = line.substring(at).split("\t", -1);
        out.put(cells[1], List.of(cells[2], cells[3]));
      }
    }
    assertThat(out).as(r.output()).hasSize(keyTypes.size());
    return out;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Path write(Artifacts artifacts, String name) throws Exception {
    Path root = Files.createDirectories(tmp.resolve(name));
    for (Map.Entry<String, String> f : artifacts.files().entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    return root;
  }

  /** Every key the model puts in hiera, with the Puppet type the profiles declare and its value. */
  private static void assertHostsLookUpAsTheModelSays(Setup setup, String name) throws Exception {
    Path tree = write(new HieraExporter().export(setup), name);
    Map<String, Object> expected = new LinkedHashMap<>(HieraExporter.host(setup));
    expected.putAll(HieraExporter.shared(setup));
    Map<String, String> types = new LinkedHashMap<>();
    expected.forEach((k, v) -> types.put(k, v instanceof Boolean ? "Boolean" : v instanceof List ? "Array[String]" : "String"));
    for (Datacenter dc : setup.sortedDatacenters()) {
      for (String host : dc.sortedHosts()) {
        Map<String, List<String>> got = lookup(tree, host, types);
        expected.forEach((key, value) -> {
          assertThat(got.get(key).get(0)).as(host + " " + key + " is a " + types.get(key)).isEqualTo("true");
          List<String> strings = value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
          assertThat(got.get(key).get(1)).as(host + " " + key).isEqualTo(String.join(",", strings.stream().map(PuppetLookupTest::b64).toList()));
        });
      }
    }
  }

  @Test
  void theBuiltInSetupLooksUpAsTheModelSays() throws Exception {
    assertHostsLookUpAsTheModelSays(Spec.defaultSetup(), "default");
  }

  @Test
  void aGeneratedSetupLooksUpAsTheModelSays() throws Exception {
    Setup setup = generated(7);
    assertHostsLookUpAsTheModelSays(setup, "generated");
  }

  @Test
  void yaml11TroubleMakersReachPuppetAsTheSameStrings() throws Exception {
    List<String> strings = List.of("0775", "on", "Off", "yes", "NO", "~", "null", "1e3", "0x1F", "10:30", "1:20:30",
        "2001-12-14", ".inf", "1_000", "+1", "<<", "=", "#c", "a: b", "- x", "[a]", "{a: 1}", "*a", "&a", "!a", "'q'",
        "\"dq\"", " lead", "trail ", "", "a\nb", "tab\there", "\u00e9t\u00e9", "\u2603", "true", "False", "0o17", "0b101");
    List<String> all = new ArrayList<>(strings);
    // And 200 generated ones (the YAML 1.1 property's generator, fixed seed), in the same run.
    org.quicktheories.QuickTheory.qt().withFixedSeed(42).withExamples(200)
        .forAll(HieraExporterTest.nastyStrings()).checkAssert(all::add);
    strings = all;
    Map<String, Object> data = new TreeMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (int i = 0; i < strings.size(); i++) {
      data.put("mwexp::nasty_" + i, strings.get(i));
      types.put("mwexp::nasty_" + i, "String");
    }
    Path tree = write(new HieraExporter().export(Spec.defaultSetup()), "nasty");
    Files.writeString(tree.resolve("hieradata/common.yaml"), YamlText.write(Interpolation.escapeValues(data)));
    Map<String, List<String>> got = lookup(tree, "wikikube-worker-exp1001.eqiad.wmnet", types);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < strings.size(); i++) {
      List<String> g = got.get("mwexp::nasty_" + i);
      if (!g.get(0).equals("true") || !g.get(1).equals(b64(strings.get(i)))) {
        wrong.add(strings.get(i) + " -> " + g);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void yamllintAcceptsTheTree() throws Exception {
    RealClients.require("yamllint");
    Path tree = write(new HieraExporter().export(generated(11)), "lint");
    RealClients.Result r = RealClients.run(List.of("yamllint", "-s", "-d",
        "{extends: default, rules: {document-start: disable, line-length: {max: 250}}}", "."), tree, 60);
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  /** One generated setup, reproducibly (QuickTheories with a fixed seed). */
  static Setup generated(long seed) {
    Setup[] one = new Setup[1];
    org.quicktheories.QuickTheory.qt().withFixedSeed(seed).withExamples(1)
        .forAll(SetupGenerators.setups()).checkAssert(s -> one[0] = s);
    return one[0];
  }
}
