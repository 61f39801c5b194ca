package dev.mwexp.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.export.Artifacts;
import dev.mwexp.export.OutputDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: mwexp:help exists, every parameter is described, and up-to-date trusts no damaged output. */
class PluginDescriptorTest {

  @TempDir Path tmp;

  @Test
  void everyGoalAndParameterIsDescribed() throws Exception {
    String plugin = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"));
    List<String> goals = new ArrayList<>();
    Matcher goal = Pattern.compile("<goal>(\\w+)</goal>").matcher(plugin);
    while (goal.find()) {
      goals.add(goal.group(1));
    }
    assertThat(goals).contains("help", "compile", "sync", "check");
    List<String> undescribed = new ArrayList<>();
    Matcher parameter = Pattern.compile("<parameter>\\s*<name>(\\w+)</name>(.*?)</parameter>", Pattern.DOTALL).matcher(plugin);
    int count = 0;
    while (parameter.find()) {
      count++;
      Matcher description = Pattern.compile("<description>(.*?)</description>", Pattern.DOTALL).matcher(parameter.group(2));
      if (!description.find() || description.group(1).isBlank()) {
        undescribed.add(parameter.group(1));
      }
    }
    assertThat(count).isGreaterThan(10);
    assertThat(undescribed).isEmpty();
  }

  @Test
  void aDamagedOutputIsNotUpToDate() throws Exception {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), "datacenters: {}\n");
    Path out = tmp.resolve("out");
    OutputDirectory.write(out, Artifacts.builder().add("a.yaml", "a: 1\n").add("b/c.yaml", "c: 1\n").build());
    UpToDate upToDate = new UpToDate(tmp.resolve("state/compile"), spec, List.of("hiera"));
    upToDate.record();
    assertThat(upToDate.isCurrent(out)).isTrue();

    Files.writeString(out.resolve("a.yaml"), "a: 2\n");
    assertThat(upToDate.isCurrent(out)).as("an edited file").isFalse();
    Files.writeString(out.resolve("a.yaml"), "a: 1\n");
    assertThat(upToDate.isCurrent(out)).isTrue();
    Files.delete(out.resolve("b/c.yaml"));
    assertThat(upToDate.isCurrent(out)).as("a deleted file").isFalse();
  }
}
