package dev.mwexp.format.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** PlainTags answers as SnakeYAML's resolver does, for every plain scalar. */
class PlainTagsTest {

  private static final Resolver RESOLVER = new Resolver();
  private static final String ALPHABET = "yYnNtTfFoOeEsSlLuUrRaAxXbBiIcCdDmM~-+0123456789._:<=!&* TZ\t";

  @Test
  void everyImplicitTypeIsFoundAsTheResolverFindsIt() {
    for (String v : List.of("", "~", "null", "Null", "NULL", "yes", "No", "on", "OFF", "true", "FALSE", "False", "n", "y",
        "falsey", "nullable", "offset", "yesterday", "1", "-1", "+1", "0x1F", "0o17", "017", "0b101", "1_000", "1.5", ".5",
        ".inf", "-.Inf", ".nan", "1e3", "190:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<", "=", "a", "str",
        "mw-experimental", "profile::kubernetes::node")) {
      assertThat(PlainTags.of(v)).as(v).isEqualTo(RESOLVER.resolve(NodeId.scalar, v, true));
    }
    assertThat(PlainTags.of("2001-12-14")).isEqualTo(Tag.TIMESTAMP);
    assertThat(PlainTags.of("Off")).isEqualTo(Tag.BOOL);
  }

  @Test
  void everyMixOfCasesOfTheWordsIsTaggedAsTheResolverTagsIt() {
    for (String word : List.of("yes", "no", "true", "false", "on", "off", "null", "nul", "tru", "fals", "ye")) {
      for (int mask = 0; mask < 1 << word.length(); mask++) {
        StringBuilder v = new StringBuilder(word);
        for (int i = 0; i < word.length(); i++) {
          if ((mask & 1 << i) != 0) {
            v.setCharAt(i, Character.toUpperCase(word.charAt(i)));
          }
        }
        String s = v.toString();
        assertThat(PlainTags.of(s)).as(s).isEqualTo(RESOLVER.resolve(NodeId.scalar, s, true));
      }
    }
  }

  @Test
  void generatedScalarsAreTaggedAsTheResolverTagsThem() {
    qt().withExamples(20_000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      StringBuilder v = new StringBuilder();
      int length = r.nextInt(9);
      for (int i = 0; i < length; i++) {
        v.append(r.nextInt(10) == 0 ? (char) (0x21 + r.nextInt(0x5e)) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      String s = v.toString();
      assertThat(PlainTags.of(s)).as(s).isEqualTo(RESOLVER.resolve(NodeId.scalar, s, true));
    });
  }

  @Test
  void generatedNumbersAndDatesAreTaggedAsTheResolverTagsThem() {
    String[] pieces = {"0x", "1F", "_", ".", "inf", "Inf", "nan", "NaN", "e", "E", "+", "-", "12", "7", "0", ":", "30",
        "2001-12-14", "2001-1-4", "T", "t", " ", "\t", "Z", "0b", "101", "0o", "017", "<<", "=", "m", "Mi", "10:20:30",
        ".5", "-05:00"};
    qt().withExamples(20_000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      StringBuilder v = new StringBuilder();
      int length = 1 + r.nextInt(5);
      for (int i = 0; i < length; i++) {
        v.append(pieces[r.nextInt(pieces.length)]);
      }
      String s = v.toString();
      assertThat(PlainTags.of(s)).as(s).isEqualTo(RESOLVER.resolve(NodeId.scalar, s, true));
    });
  }
}
