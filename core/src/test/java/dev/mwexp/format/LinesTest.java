package dev.mwexp.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinesTest {

  @Test
  void lineAndColumnAreOneBasedAndCountTheNewlineAsTheLinesEnd() {
    assertThat(Lines.lineAndColumn("a\nbc{", 4)).containsExactly(2, 3);
    assertThat(Lines.lineAndColumn("a\nbc{", 0)).containsExactly(1, 1);
    assertThat(Lines.lineAndColumn("a\n", 2)).containsExactly(2, 1);
  }
}
