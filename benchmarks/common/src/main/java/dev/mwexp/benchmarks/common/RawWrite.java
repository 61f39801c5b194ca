package dev.mwexp.benchmarks.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.mwexp.format.yaml.YamlText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Baseline 1, the lower bound: the same documents as a compile's output, parsed once into plain
 * trees and written again: YAML with mwexp's own writer, JSON with Jackson's pretty printer. No
 * modelling work is left, only writing. Other files (Lua, zone files) are turned into bytes, as
 * writing them would.
 */
public final class RawWrite {

  private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

  private final Map<String, List<Object>> yamlFiles = new TreeMap<>();
  private final Map<String, JsonNode> jsonFiles = new TreeMap<>();
  private final Map<String, String> otherFiles = new TreeMap<>();
  private final List<List<Object>> distinctYaml;

  /** {@code files}: path -> text, as a compile returns them. */
  public RawWrite(Map<String, String> files) {
    ObjectMapper plain = new ObjectMapper();
    files.forEach((path, text) -> {
      if (path.endsWith(".json")) {
        jsonFiles.put(path, Documents.parse(text).get(0));
      } else if (path.endsWith(".yaml")) {
        yamlFiles.put(path, Documents.parse(text).stream().map(doc -> plain.convertValue(doc, Object.class)).toList());
      } else {
        otherFiles.put(path, text);
      }
    });
    Map<String, List<Object>> byText = new java.util.HashMap<>();
    yamlFiles.forEach((path, documents) -> byText.putIfAbsent(files.get(path), documents));
    distinctYaml = List.copyOf(byText.values());
    // The baseline must write what the compile wrote, or it bounds nothing.
    Map<String, String> rewritten = new TreeMap<>(otherFiles);
    yamlFiles.forEach((path, documents) -> rewritten.put(path, text(documents)));
    jsonFiles.forEach((path, tree) -> rewritten.put(path, json(tree)));
    Documents.assertSame("baseline 1", files, rewritten);
  }

  /**
   * Writes each distinct document once, however many files hold it: a lower bound for a writer
   * that, like mwexp's exporters, renders a document shared by many hosts only once.
   */
  public void writeDistinct(Blackhole bh) {
    for (List<Object> documents : distinctYaml) {
      bh.consume(text(documents));
    }
    for (JsonNode tree : jsonFiles.values()) {
      bh.consume(json(tree));
    }
    for (String other : otherFiles.values()) {
      bh.consume(other.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes every file once. */
  public void write(Blackhole bh) {
    for (List<Object> documents : yamlFiles.values()) {
      bh.consume(text(documents));
    }
    for (JsonNode tree : jsonFiles.values()) {
      bh.consume(json(tree));
    }
    for (String other : otherFiles.values()) {
      bh.consume(other.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String json(JsonNode tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(List<Object> documents) {
    return documents.size() == 1 ? YamlText.write(documents.get(0)) : YamlText.writeAll(documents);
  }
}
