package dev.mwexp.format.alerts;

import dev.mwexp.files.TreeException;
import dev.mwexp.format.yaml.ScalarText;
import dev.mwexp.format.yaml.YamlNodes;
import dev.mwexp.format.yaml.YamlValues;
import dev.mwexp.fragment.Globs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A Prometheus rule file as operations/alerts keeps it ({@code groups:} of {@code rules:}), read
 * through the project's one YAML composer: each alerting rule with its {@code expr} and where that
 * expression's characters stand in the file. A rule that inherits its expression through a merge
 * key ({@code <<: *PHPFPMTooBusy}) shares the anchored scalar, and so its place. The file's
 * {@code # deploy-tag:} line says which Prometheus instances load it.
 */
public final class RuleFile {

  /**
   * One alerting rule.
   *
   * @param expr the expression's scalar node, shared by every rule that merges it in
   * @param exprText where the expression's characters stand in the file; empty when it cannot be
   *     followed (an escape in a quoted scalar), so it is read but never edited
   */
  public record Rule(String group, String alert, int line, ScalarNode expr, Optional<ScalarText> exprText) {
    public String exprValue() {
      return expr.getValue();
    }

    /** The 1-based line the expression starts on. */
    public int exprLine() {
      return expr.getStartMark().getLine() + 1;
    }
  }

  /** operations/alerts keeps each team's rule files in a directory of its own. */
  public static final String DIRECTORIES = "team-*";

  /**
   * Whether a file of those directories holds rules: a YAML file that is not one of the
   * repository's own promtool tests ({@code *_test.yaml}), which sit beside the rules.
   */
  public static boolean isRuleFile(String fileName) {
    return fileName.endsWith(".yaml") && !fileName.endsWith("_test.yaml");
  }

  private static final Pattern DEPLOY_TAG = Pattern.compile("(?m)^#\\s*deploy-tag:\\s*(.*)$");
  private static final int MAX_ALIASES = 50;

  private final String name;
  private final List<String> deployTags;
  private final List<Rule> rules;

  private RuleFile(String name, List<String> deployTags, List<Rule> rules) {
    this.name = name;
    this.deployTags = deployTags;
    this.rules = rules;
  }

  public String name() {
    return name;
  }

  /** The alerting rules, in file order; recording rules are left out. */
  public List<Rule> alertingRules() {
    return rules;
  }

  /**
   * Whether the Prometheus instance {@code prometheus} loads this file: every site-local one when
   * the file has no deploy-tag, those its tags name (globs such as {@code k8s*}), and every one's
   * series through Thanos for {@code global}.
   */
  public boolean loadedBy(String prometheus) {
    return deployTags.isEmpty()
        || deployTags.stream().anyMatch(t -> t.equals("global") || Globs.matches(t, prometheus));
  }

  /**
   * The file's rules; a file of another shape (a {@code *_test.yaml}, an empty file) has none.
   *
   * @throws TreeException on text that is not YAML, with the line and column
   */
  public static RuleFile read(String name, String text) throws TreeException {
    List<String> tags = new ArrayList<>();
    Matcher m = DEPLOY_TAG.matcher(text);
    if (m.find()) {
      for (String tag : m.group(1).split(",")) {
        if (!tag.isBlank()) {
          tags.add(tag.trim());
        }
      }
    }
    List<Rule> rules = new ArrayList<>();
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(MAX_ALIASES);
      options.setAllowRecursiveKeys(false);
      YamlNodes.Documents composer = YamlNodes.composer(text, options);
      while (composer.checkNode()) {
        for (Node group : items(composer.getNode(), "groups")) {
          String groupName = scalar(group, "name").map(ScalarNode::getValue).orElse("");
          for (Node rule : items(group, "rules")) {
            Optional<ScalarNode> alert = scalar(rule, "alert");
            Optional<ScalarNode> expr = scalar(rule, "expr");
            if (alert.isPresent() && expr.isPresent()) {
              rules.add(new Rule(groupName, alert.get().getValue(), rule.getStartMark().getLine() + 1, expr.get(),
                  ScalarText.of(text, expr.get())));
            }
          }
        }
      }
    } catch (MarkedYAMLException e) {
      Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new TreeException(name, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1,
          "is not valid YAML: " + String.valueOf(e.getProblem()).lines().findFirst().orElse(""));
    } catch (RuntimeException e) {
      throw new TreeException(name, "is not a rule file mwexp can read: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    return new RuleFile(name, List.copyOf(tags), List.copyOf(rules));
  }

  /** The items of a mapping's sequence under {@code key}; none when the shape is another. */
  private static List<Node> items(Node node, String key) {
    return value(node, key).filter(SequenceNode.class::isInstance).map(n -> ((SequenceNode) n).getValue())
        .orElse(List.of());
  }

  private static Optional<ScalarNode> scalar(Node node, String key) {
    return value(node, key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
  }

  /** A mapping's value under {@code key}, merge keys applied; the last when written twice. */
  private static Optional<Node> value(Node node, String key) {
    if (!(node instanceof MappingNode mapping)) {
      return Optional.empty();
    }
    Node own = null;
    Node merged = null;
    for (NodeTuple t : YamlValues.entries(mapping)) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        if (mapping.getValue().contains(t)) {
          own = t.getValueNode(); // the last one written, as Prometheus' loader keeps it
        } else if (merged == null) {
          merged = t.getValueNode();
        }
      }
    }
    return Optional.ofNullable(own != null ? own : merged);
  }
}
