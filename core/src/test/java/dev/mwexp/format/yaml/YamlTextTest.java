package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlTextTest {

  @Test
  void keepsMapOrderAndQuotesOnlyWhatAYaml11ReaderWouldRetype() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("zeta", "plain");
    doc.put("alpha", List.of("0775", "on", "10:30", "2001-12-14", "1e3", "0x1F", "~", "", "-x", "a: b", "ok-value"));
    doc.put("n", 4456);
    doc.put("b", true);

    assertThat(YamlText.write(doc))
        .isEqualTo(
            "zeta: plain\n"
                + "alpha:\n"
                + "  - \"0775\"\n"
                + "  - \"on\"\n"
                + "  - \"10:30\"\n"
                + "  - \"2001-12-14\"\n"
                + "  - \"1e3\"\n"
                + "  - \"0x1F\"\n"
                + "  - \"~\"\n"
                + "  - \"\"\n"
                + "  - \"-x\"\n"
                + "  - \"a: b\"\n"
                + "  - ok-value\n"
                + "\"n\": 4456\n" // YAML 1.1 has y/n booleans; Jackson quotes them as keys

                + "b: true\n");
  }

  @Test
  void stringsReadBackAsTheSameStringsUnderYaml11() {
    List<String> nasty =
        List.of("0775", "yes", "No", "OFF", "1.0", "1_000", "+1", ".inf", "-.Inf", ".NaN", "null", "Null",
            "2001-12-14t21:59:43.10-05:00", "1:20:30", "=", "<<", "%{facts.fqdn}", "#x", "x #y", "a\nb", " lead",
            "trail ", "\u00e9t\u00e9", "*ref", "&a", "!tag", "|", ">", "@x", "`x", "'q'", "\"dq\"", "[a]", "{a: 1}",
            "\u0085a\nb", "x\n\u2028y", "line \nnext", "\nleading", "tab\t\nx", "a\r\nb");
    Yaml yaml11 = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (String s : nasty) {
      String text = YamlText.write(Map.of("k", s));
      Object back = ((Map<?, ?>) yaml11.load(text)).get("k");
      assertThat(back).as(text).isEqualTo(s);
    }
  }

  @Test
  void multiDocumentStreamsSeparateEachDocument() {
    assertThat(YamlText.writeAll(List.of(Map.of("a", 1), Map.of("b", 2)))).isEqualTo("---\na: 1\n---\nb: 2\n");
  }
}
