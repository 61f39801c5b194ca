package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import dev.mwexp.testing.RealClients;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: every Java block of the README compiles and runs as written — its imports, its
 * statements, nothing added — in a directory beside checkouts of the four repositories, in order
 * (the consistency block checks what the library block wrote).
 */
class ReadmeJavaBlocksTest {

  @TempDir Path tmp;

  @Test
  void everyJavaBlockCompilesAndRuns() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1));
    }
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);

    Path sources = Files.createDirectories(tmp.resolve("src"));
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      StringBuilder imports = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (String line : blocks.get(i).split("\n")) {
        (line.startsWith("import ") ? imports : body).append(line).append('\n');
      }
      String name = "ReadmeBlock" + i;
      names.add(name);
      Files.writeString(sources.resolve(name + ".java"), imports + "public class " + name
          + " {\n  public static void main(String[] args) throws Exception {\n" + body + "  }\n}\n");
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    List<String> files = names.stream().map(n -> sources.resolve(n + ".java").toString()).toList();
    boolean compiled = javac.getTask(diagnostics, null, null,
        List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")), null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(files)).call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();

    // Run them where the README's relative paths lead: ../puppet and the others beside the work dir.
    Fixtures.copy(tmp);
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(work.resolve("mw-experimental.yaml"), Spec.defaultSpecText());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String name : names) {
      RealClients.Result r = RealClients.run(List.of(java, "-cp", classes + ":" + System.getProperty("java.class.path"), name),
          work, 120);
      assertThat(r.exitCode()).as(name + "\n" + r.output()).isZero();
    }
    assertThat(work.resolve("out/puppet/hieradata/hosts/wikikube-worker-exp1001.yaml")).exists();
  }
}
