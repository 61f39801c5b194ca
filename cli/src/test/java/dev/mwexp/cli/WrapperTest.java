package dev.mwexp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.testing.RealClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ./mwexp wrapper: clean under shellcheck, and its first build quiet, colourless and logged. */
class WrapperTest {

  @Test
  void theWrapperIsCleanAndBuildsQuietly() throws Exception {
    RealClients.require("shellcheck");
    Path wrapper = Path.of("../mwexp");
    RealClients.Result r = RealClients.run(List.of("shellcheck", wrapper.toString()), null, 60);
    assertThat(r.exitCode()).as(r.output()).isZero();
    String text = Files.readString(wrapper);
    // Maven's ANSI colours were the stray "[0m"s of the first build; its output goes to a log.
    assertThat(text).contains("-Dstyle.color=never").contains(">\"$here/cli/target/build.log\" 2>&1").contains("-Dmaven.javadoc.skip=true");
  }
}
