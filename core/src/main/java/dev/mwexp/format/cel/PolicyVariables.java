package dev.mwexp.format.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mwexp.format.yaml.YamlDocument;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a ValidatingAdmissionPolicy's variable is written in its file, for editing it in place. */
final class PolicyVariables {

  /** From the start of the expression's line: the key, a block scalar's indicator and line break, then the list. */
  private static final Pattern TO_LIST = Pattern.compile(
      "[ \\t]*(?:-[ \\t]+)?(?:expression[ \\t]*:[ \\t]*)?(?:[|>][-+]?[ \\t]*\\r?\\n[ \\t]*)?\\[");

  private PolicyVariables() {}

  /**
   * The offset of the {@code [} that opens variable {@code name}'s expression, when that expression
   * is a list literal written as a plain or block scalar; -1 otherwise (no such variable, another
   * expression, a quoted scalar, or a file that does not parse).
   */
  static int listStart(String text, String name) {
    try {
      for (YamlDocument doc : YamlDocument.readAll("policy", text)) {
        if (!doc.root().path("kind").asText().equals("ValidatingAdmissionPolicy")) {
          continue;
        }
        JsonNode variables = doc.root().path("spec").path("variables");
        for (int i = 0; i < variables.size(); i++) {
          JsonNode v = variables.get(i);
          if (!v.path("name").asText().equals(name) || !v.path("expression").asText().strip().startsWith("[")) {
            continue;
          }
          Matcher m = TO_LIST.matcher(text);
          m.region(lineStart(text, doc.line("/spec/variables/" + i + "/expression")), text.length());
          return m.lookingAt() ? m.end() - 1 : -1;
        }
      }
    } catch (RuntimeException e) {
      // A file that does not parse has no variables to edit: the caller reports the list as missing.
    }
    return -1;
  }

  private static int lineStart(String text, int line) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = text.indexOf('\n', at) + 1;
      if (at == 0) {
        return text.length();
      }
    }
    return at;
  }
}
