package dev.mwexp.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentParserTest {

  private static final Option OUT = Option.value("--out", "DIR", "Output.").asRequired();
  private static final Option FORMAT = Option.value("--format", "FORMAT", "Formats.").withDefault("a,b").repeatable();
  private static final Option OUTPUT = Option.value("--output", "KIND", "Kind.").withDefault("text")
      .choices("text", "json");
  private static final Option DRY_RUN = Option.flag("--dry-run", "Dry.");
  private static final CommandSyntax SYNTAX =
      new CommandSyntax("compile", "Compiles.", List.of(OUT, FORMAT, OUTPUT, DRY_RUN), "SPEC", "The spec.", List.of());

  private static Arguments parse(String... args) throws UsageException {
    return ArgumentParser.parse(SYNTAX, List.of(args));
  }

  private static String error(String... args) {
    try {
      parse(args);
    } catch (UsageException e) {
      return e.getMessage();
    }
    throw new AssertionError("no usage error for " + List.of(args));
  }

  @Test
  void valuesComeSeparateOrAfterAnEqualsSignAndDefaultsFillTheRest() throws Exception {
    Arguments a = parse("spec.yaml", "--out", "o", "--dry-run");
    assertThat(a.path("--out")).contains(Path.of("o"));
    assertThat(a.argument()).contains("spec.yaml");
    assertThat(a.flag("--dry-run")).isTrue();
    assertThat(a.values("--format")).containsExactly("a", "b");
    assertThat(a.value("--output")).contains("text");

    Arguments b = parse("--out=x=y", "--format=c", "--format", "d,e", "--output=json");
    assertThat(b.value("--out")).contains("x=y");
    assertThat(b.values("--format")).containsExactly("c", "d", "e");
    assertThat(b.value("--output")).contains("json");
    assertThat(b.flag("--dry-run")).isFalse();
    assertThat(b.argument()).isEmpty();
  }

  @Test
  void aDashIsStandardInputAndADoubleDashEndsTheOptions() throws Exception {
    assertThat(parse("-", "--out", "o").argument()).contains("-");
    assertThat(parse("--out", "o", "--", "--dry-run").argument()).contains("--dry-run");
    assertThat(parse("--out", "-odd-dir").value("--out")).contains("-odd-dir");
  }

  @Test
  void eachMistakeIsNamedWithWhatWouldBeRight() {
    assertThat(error()).isEqualTo("missing required option: --out DIR");
    assertThat(error("--out", "o", "--ouput", "json")).isEqualTo("unknown option '--ouput'; did you mean '--output'?");
    assertThat(error("--out", "o", "--zzzzzzzz")).isEqualTo("unknown option '--zzzzzzzz'");
    assertThat(error("--out", "o", "--out", "p")).isEqualTo("option '--out' is given more than once");
    assertThat(error("--out", "o", "--dry-run", "--dry-run")).isEqualTo("option '--dry-run' is given more than once");
    assertThat(error("--out", "o", "--dry-run=yes")).isEqualTo("option '--dry-run' takes no value");
    assertThat(error("--out")).isEqualTo("option '--out' needs a value: --out DIR");
    assertThat(error("--out", "--dry-run")).isEqualTo("option '--out' needs a value: --out DIR");
    assertThat(error("--out", "o", "--output", "xml")).isEqualTo("option '--output' takes text, json, not 'xml'");
    assertThat(error("a.yaml", "b.yaml", "--out", "o")).isEqualTo("unexpected argument 'b.yaml'; only one SPEC is taken");
    assertThat(error("--out", "o", "--output", "\u001b[31m")).isEqualTo("option '--output' takes text, json, not '\\x1b[31m'");
    assertThatThrownBy(() -> parse("--out", "a\u0000b").path("--out")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--out: 'a\\x00b' is not a path");
  }

  @Test
  void aCommandWithoutAnArgumentRefusesOne() {
    CommandSyntax none = new CommandSyntax("import", "Imports.", List.of(DRY_RUN), null, null, List.of());
    assertThatThrownBy(() -> ArgumentParser.parse(none, List.of("x")))
        .hasMessage("unexpected argument 'x'; import takes options only");
  }

  @Test
  void helpAndVersionAreSeenBeforeAnythingIsRequired() {
    assertThat(ArgumentParser.request(List.of("--help"))).isEqualTo(ArgumentParser.Request.HELP);
    assertThat(ArgumentParser.request(List.of("--bogus", "-h"))).isEqualTo(ArgumentParser.Request.HELP);
    assertThat(ArgumentParser.request(List.of("-V"))).isEqualTo(ArgumentParser.Request.VERSION);
    assertThat(ArgumentParser.request(List.of("--out", "o"))).isEqualTo(ArgumentParser.Request.RUN);
    assertThat(ArgumentParser.request(List.of("--", "--help"))).isEqualTo(ArgumentParser.Request.RUN);
  }
}
