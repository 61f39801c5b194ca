package dev.mwexp.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** JsonTree against databind's readTree, the oracle it replaces on check's path. */
class JsonTreeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsEveryDocumentAsDatabindDoes() {
    qt().withExamples(500).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      try {
        String text = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value(new Random(seed), 0));
        assertThat(JsonTree.read(text)).as(text).isEqualTo(MAPPER.readTree(text));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void aKeyGivenTwiceKeepsItsLastValueAsDatabindAndPhpDo() throws Exception {
    String text = "{\"backends\": [\"a\"], \"backends\": [\"b\", 2.5, 12345678901, true, null]}";

    assertThat(JsonTree.read(text)).isEqualTo(MAPPER.readTree(text));
    assertThat(JsonTree.read(text).get("backends").get(0).textValue()).isEqualTo("b");
  }

  @Test
  void notOneJsonValueIsAnIoError() {
    assertThatThrownBy(() -> JsonTree.read("")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonTree.read("{\"a\": 1} {}")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonTree.read("{\"a\": }")).isInstanceOf(IOException.class);
  }

  private static Object value(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 6 : 8);
    switch (kind) {
      case 0:
        return "s" + r.nextInt(1000) + (r.nextBoolean() ? "\u00e9\"\\/\n" : "");
      case 1:
        return r.nextInt();
      case 2:
        return r.nextLong();
      case 3:
        return r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
      case 4:
        return r.nextBoolean();
      case 5:
        return r.nextBoolean() ? null : new java.math.BigInteger(80, r);
      case 6: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          map.put("k" + r.nextInt(10), value(r, depth + 1));
        }
        return map;
      }
      default: {
        List<Object> list = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          list.add(value(r, depth + 1));
        }
        return list;
      }
    }
  }
}
