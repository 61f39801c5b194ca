package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 16: the BOM lists every artifact users depend on: each library module and the plugin. */
class BomTest {

  private static List<String> artifactIds(String pom) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("<artifactId>(mwexp-[a-z0-9-]+)</artifactId>").matcher(pom);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void theBomListsEveryPublishedModule() throws Exception {
    List<String> published = new ArrayList<>();
    for (String module : List.of("core", "hiera-export", "k8s-export", "ats-export", "repos", "consistency", "maven-plugin")) {
      String pom = Files.readString(Path.of("..", module, "pom.xml"));
      published.add(artifactIds(pom.substring(pom.indexOf("</parent>"))).get(0));
    }
    assertThat(artifactIds(Files.readString(Path.of("../bom/pom.xml"))))
        .contains("mwexp-bom").containsAll(published);
  }
}
