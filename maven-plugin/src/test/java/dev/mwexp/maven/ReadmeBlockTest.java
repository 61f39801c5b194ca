package dev.mwexp.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code <plugin>} block users paste from the README is the one the sample project builds. */
class ReadmeBlockTest {

  @Test
  void readmeShowsTheSampleProjectsPluginBlock() throws Exception {
    String pom = Files.readString(Path.of("src/it/compile-clean/pom.xml"));
    String block = pom.substring(pom.indexOf("      <plugin>"), pom.indexOf("</plugin>") + "</plugin>".length())
        .replace("@project.version@", System.getProperty("project.version"));
    assertThat(Files.readString(Path.of("../README.md"))).contains(block);
  }
}
