package dev.mwexp.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./mwexp wrapper's class-data-sharing archive, run for real in a copy of the wrapper and the
 * jar: made on first use, used while its stamp matches, and never the cause of a failure — a
 * truncated, zeroed or stale archive gives the same output, nothing on stderr, and is remade.
 */
class StartupArchiveTest {

  @TempDir Path home;

  private Path jar;
  private Path archive;
  private Path stamp;

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void copyTheWrapper() throws IOException {
    Files.copy(Path.of("../mwexp"), home.resolve("mwexp"));
    Path target = Files.createDirectories(home.resolve("cli/target"));
    jar = Files.copy(Path.of("../cli/target/mwexp-cli.jar"), target.resolve("mwexp-cli.jar"));
    archive = target.resolve("mwexp-cli.jsa");
    stamp = target.resolve("mwexp-cli.jsa.stamp");
  }

  private Run wrapper(String... env) throws Exception {
    return wrapperAt(home.resolve("mwexp").toString(), env);
  }

  /** Runs {@code script validate} from home/cwd, with the JDK running the tests first on the PATH. */
  private Run wrapperAt(String script, String... env) throws Exception {
    Path cwd = Files.createDirectories(home.resolve("cwd"));
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", script, "validate"))
        .directory(cwd.toFile())
        .redirectOutput(home.resolve("out.txt").toFile())
        .redirectError(home.resolve("err.txt").toFile());
    // The JDK running the tests is the one on the wrapper's PATH.
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    pb.environment().remove("MWEXP_CDS");
    for (int i = 0; i < env.length; i += 2) {
      pb.environment().put(env[i], env[i + 1]);
    }
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    try (Stream<Path> left = Files.list(cwd)) {
      assertThat(left).as("no hs_err file or anything else in the working directory").isEmpty();
    }
    return new Run(p.exitValue(), Files.readString(home.resolve("out.txt")), Files.readString(home.resolve("err.txt")));
  }

  private static void assertClean(Run r) {
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("<built-in mw-experimental.yaml>: valid\n");
  }

  private void assertFreshArchive() throws IOException {
    assertThat(archive).isRegularFile();
    assertThat(Files.readString(stamp)).startsWith("mwexp-cli.jar " + Files.size(jar) + " ")
        .contains("\nmwexp-cli.jsa " + Files.size(archive) + " ");
  }

  @Test
  void theFirstRunMakesTheArchiveAndLaterRunsUseIt() throws Exception {
    assertClean(wrapper());
    assertFreshArchive();
    FileTime made = Files.getLastModifiedTime(archive);

    assertClean(wrapper());
    assertThat(Files.getLastModifiedTime(archive)).as("reused, not remade").isEqualTo(made);
  }

  @Test
  void aTruncatedArchiveIsNeverUsedAndIsRemade() throws Exception {
    assertClean(wrapper());
    long size = Files.size(archive);
    archive.toFile().setWritable(true);
    try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
      f.setLength(4096);     // given to the JVM, this crashes it with SIGBUS
    }

    assertClean(wrapper());
    assertFreshArchive();
    assertThat(Files.size(archive)).as("remade whole").isGreaterThan(size / 2);
  }

  @Test
  void anArchiveDamagedInPlaceIsRefusedSilentlyByTheJvm() throws Exception {
    assertClean(wrapper());
    archive.toFile().setWritable(true);
    Files.write(archive, new byte[(int) Files.size(archive)]);   // same size: the stamp still matches

    assertClean(wrapper());
  }

  @Test
  void anArchiveOfAnotherBuildOfTheJarIsRemade() throws Exception {
    assertClean(wrapper());
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

    assertClean(wrapper());
    assertFreshArchive();
    assertThat(Files.readString(stamp)).startsWith("mwexp-cli.jar " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() / 1000 + "\n");
  }

  @Test
  void aStaleArchiveWhoseStampLiesIsRefusedSilentlyByTheJvm() throws Exception {
    assertClean(wrapper());
    String old = Files.readString(stamp);
    long before = Files.getLastModifiedTime(jar).toMillis() / 1000;
    Files.setLastModifiedTime(jar, FileTime.fromMillis((before + 60) * 1000));
    String jarLine = "mwexp-cli.jar " + Files.size(jar) + " ";
    assertThat(old).startsWith(jarLine + before + "\n");
    Files.writeString(stamp, old.replaceFirst(java.util.regex.Pattern.quote(jarLine + before), jarLine + (before + 60)));
    FileTime made = Files.getLastModifiedTime(archive);

    assertClean(wrapper());
    assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);
  }

  /** ./mwexp, ../mwexp and /abs/mwexp are one wrapper: none of them remakes the others' archive. */
  @Test
  void everySpellingOfTheWrappersPathSharesOneArchive() throws Exception {
    assertClean(wrapper());
    FileTime made = Files.getLastModifiedTime(archive);
    String stamped = Files.readString(stamp);

    assertClean(wrapperAt("../mwexp"));
    assertClean(wrapperAt("../cwd/../mwexp"));

    assertThat(Files.getLastModifiedTime(archive)).as("reused, not remade").isEqualTo(made);
    assertThat(Files.readString(stamp)).isEqualTo(stamped);
  }

  @Test
  void mwexpCdsOffRunsWithoutAnArchive() throws Exception {
    assertClean(wrapper("MWEXP_CDS", "off"));
    assertThat(archive).doesNotExist();
  }
}
