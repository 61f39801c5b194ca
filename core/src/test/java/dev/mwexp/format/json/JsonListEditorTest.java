package dev.mwexp.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.MergeConflict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** debug.json's backend list, read with the streaming parser as PHP's json_decode reads it. */
class JsonListEditorTest {

  private static final String DEBUG_JSON = "{\n"
      + "  \"comment\": { \"note\": [\"nested\", {\"x\": 1}] },\n"
      + "  \"backends\": [\n"
      + "    \"mwdebug1001.eqiad.wmnet\",\n"
      + "    \"k8s-mw-experimental-eqiad\",\n"
      + "    \"mwdebug2001.codfw.wmnet\"\n"
      + "  ]\n"
      + "}\n";

  @Test
  void readsTheTopLevelListAndSkipsEverythingElse() throws Exception {
    assertThat(JsonListEditor.items(DEBUG_JSON, "backends"))
        .containsExactly("mwdebug1001.eqiad.wmnet", "k8s-mw-experimental-eqiad", "mwdebug2001.codfw.wmnet");
  }

  @Test
  void aKeyGivenTwiceCountsWithItsLastValueAsForEveryJsonReaderHere() throws Exception {
    assertThat(JsonListEditor.items("{\"backends\": [\"a\"], \"backends\": [\"b\", 3, [1], {}]}", "backends"))
        .containsExactly("b", "3", "[…]", "{…}");
  }

  @Test
  void whatIsNotSuchAListIsAConflictWithItsLine() {
    assertThatThrownBy(() -> JsonListEditor.items("{\"backends\": \"a\"}", "backends"))
        .isInstanceOf(MergeConflict.class).hasMessageContaining("has no list \"backends\"");
    assertThatThrownBy(() -> JsonListEditor.items("[\"a\"]", "backends")).isInstanceOf(MergeConflict.class);
    assertThatThrownBy(() -> JsonListEditor.items("", "backends")).isInstanceOf(MergeConflict.class);
    assertThatThrownBy(() -> JsonListEditor.items("{\n\"backends\": [\"a\",\n}", "backends"))
        .isInstanceOf(MergeConflict.class).hasMessageContaining("is not JSON");
    assertThatThrownBy(() -> JsonListEditor.items("{\"backends\": []}\n{}", "backends"))
        .isInstanceOf(MergeConflict.class).hasMessageContaining("text after the top-level object");
  }

  @Test
  void applyKeepsForeignItemsAndQuotesNewOnesAsJson() throws Exception {
    JsonListItems merge = new JsonListItems("backends", List.of("k8s-mw-experimental-eqiad", "k8s-mw-experimental-\"x\""),
        List.of("k8s-mw-experimental-*"), "{\"backends\": []}\n");

    String after = JsonListEditor.apply(DEBUG_JSON, merge);

    assertThat(after).isEqualTo(DEBUG_JSON.replace("    \"k8s-mw-experimental-eqiad\",\n",
        "    \"k8s-mw-experimental-eqiad\",\n    \"k8s-mw-experimental-\\\"x\\\"\",\n"));
    assertThat(JsonListEditor.apply(after, merge)).isEqualTo(after);
  }

  @Test
  void applyEditsTheListItReadsTheLastOfAKeyGivenTwiceAndAKeyWrittenWithEscapes() throws Exception {
    JsonListItems merge = new JsonListItems("backends", List.of("k8s-mw-experimental-eqiad"),
        List.of("k8s-mw-experimental-*"), "{\"backends\": []}\n");
    String twice = "{\"backends\": [\"old\"],\n \"backends\": [\"mwdebug1001.eqiad.wmnet\"]}\n";
    // A one-line list stays on one line (issue 23).
    assertThat(JsonListEditor.apply(twice, merge)).isEqualTo("{\"backends\": [\"old\"],\n \"backends\":"
        + " [\"mwdebug1001.eqiad.wmnet\", \"k8s-mw-experimental-eqiad\"]}\n");
    String escaped = "{\"back\\u0065nds\": []}";
    assertThat(JsonListEditor.apply(escaped, merge)).isEqualTo("{\"back\\u0065nds\": [\n  \"k8s-mw-experimental-eqiad\"\n]}");
  }

  /** Issue 23: only the bytes of the items that change change; CRLF, a BOM and the layout stay. */
  @Test
  void lineEndingsByteOrderMarkAndLayoutStay() throws Exception {
    JsonListItems merge = new JsonListItems("backends", List.of("k8s-mw-experimental-eqiad", "k8s-mw-experimental-codfw"),
        List.of("k8s-mw-experimental-*"), "{\"backends\": []}\n");
    String crlf = "\uFEFF{\r\n  \"backends\": [\r\n    \"k8s-mwdebug\",\r\n    \"k8s-mw-experimental-eqiad\",\r\n"
        + "    \"k8s-mw-experimental-old\",\r\n    \"k8s-mw-parsoid\"\r\n  ]\r\n}\r\n";
    String after = JsonListEditor.apply(crlf, merge);
    assertThat(after).isEqualTo("\uFEFF{\r\n  \"backends\": [\r\n    \"k8s-mwdebug\",\r\n    \"k8s-mw-experimental-eqiad\",\r\n"
        + "    \"k8s-mw-experimental-codfw\",\r\n    \"k8s-mw-parsoid\"\r\n  ]\r\n}\r\n");
    assertThat(JsonListEditor.apply(after, merge)).isEqualTo(after);
    // The last item removed, and one added into a one-item list: the separators are the list's own.
    JsonListItems eqiad = new JsonListItems("backends", List.of("k8s-mw-experimental-eqiad"),
        List.of("k8s-mw-experimental-*"), "");
    assertThat(JsonListEditor.apply("{\"backends\": [\"a\",  \"b\",  \"k8s-mw-experimental-codfw\"]}", eqiad))
        .isEqualTo("{\"backends\": [\"a\",  \"b\",  \"k8s-mw-experimental-eqiad\"]}");
    assertThat(JsonListEditor.apply("{\"backends\": [\n\t\"a\"\n]}", eqiad))
        .isEqualTo("{\"backends\": [\n\t\"a\",\n\t\"k8s-mw-experimental-eqiad\"\n]}");
  }
}
