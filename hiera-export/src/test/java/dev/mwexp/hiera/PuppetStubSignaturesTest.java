package dev.mwexp.hiera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Puppet stubs the class is compiled against have exactly the real modules' parameter lists
 * and types, as {@code puppet-stubs/SIGNATURES} records them from a real checkout: a test green
 * against a stub that takes {@code content} where the real {@code motd::message} takes
 * {@code message} is how the class once shipped uncompilable.
 */
class PuppetStubSignaturesTest {

  private static final Path STUBS = Path.of("src/test/resources/puppet-stubs");
  private static final List<String> NARROWED = List.of("modules/wmflib/types/team.pp",
      "modules/stdlib/types/compat/ip_address.pp");

  /** Real path in operations/puppet to its recorded signature. */
  private static Map<String, String> recorded() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(STUBS.resolve("SIGNATURES"))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] parts = line.split("\t", 2);
        out.put(parts[0], parts[1]);
      }
    }
    return out;
  }

  private static String stubPath(String realPath) {
    return realPath.replaceFirst("^vendor_modules/", "modules/");
  }

  @Test
  void everyStubHasTheRecordedSignatureOfTheRealDefinition() throws IOException {
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, String> e : recorded().entrySet()) {
      String stub = PuppetSignatures.of(Files.readString(STUBS.resolve(stubPath(e.getKey()))));
      if (!stub.equals(e.getValue())) {
        differ.add(stubPath(e.getKey()) + "\n  stub: " + stub + "\n  real: " + e.getValue());
      }
    }
    assertThat(differ).isEmpty();
  }

  @Test
  void everyStubIsHeldToARealSignatureOrSaysWhyItIsNarrowed() throws IOException {
    TreeSet<String> stubs = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(STUBS.resolve("modules"))) {
      walk.filter(p -> p.toString().endsWith(".pp")).forEach(p -> stubs.add(STUBS.relativize(p).toString()));
    }
    TreeSet<String> held = new TreeSet<>(NARROWED);
    recorded().keySet().forEach(k -> held.add(stubPath(k)));
    assertThat(stubs).isEqualTo(held);
  }

  @Test
  void aStubThatDiffersFromTheRealModuleIsCaught() throws IOException {
    String real = recorded().get("modules/motd/manifests/message.pp");
    // The stub as it once was: `content` for the real `message`.
    String once = """
        define motd::message (
            String $content,
            Integer[0, 99] $priority = 50,
            Wmflib::Ensure $ensure = present,
        ) {
        }
        """;
    assertThat(PuppetSignatures.of(once)).isNotEqualTo(real);
    // Layout and comments do not count; a type does.
    String relaid = Files.readString(STUBS.resolve("modules/motd/manifests/message.pp"))
        .replace("    Wmflib::Ensure                 $ensure   = present,", "  Wmflib::Ensure $ensure = present, # the default");
    assertThat(PuppetSignatures.of(relaid)).isEqualTo(real);
    assertThat(PuppetSignatures.of(relaid.replace("String[1]", "String"))).isNotEqualTo(real);
  }

  /** With a real operations/puppet checkout at hand, the recorded lines are held to it. */
  @Test
  void theRecordedSignaturesAreTheRealCheckoutsWhenOneIsGiven() throws IOException {
    String checkout = System.getenv("MWEXP_REAL_PUPPET");
    assumeTrue(checkout != null && !checkout.isBlank(), "MWEXP_REAL_PUPPET names no checkout");
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, String> e : recorded().entrySet()) {
      String real = PuppetSignatures.of(Files.readString(Path.of(checkout).resolve(e.getKey())));
      if (!real.equals(e.getValue())) {
        differ.add(e.getKey() + "\n  checkout: " + real + "\n  recorded: " + e.getValue());
      }
    }
    assertThat(differ).isEmpty();
  }
}
