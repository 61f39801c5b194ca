package dev.mwexp.spec;

import dev.mwexp.files.IoReason;
import dev.mwexp.files.SafeTree;
import dev.mwexp.files.TreeException;
import dev.mwexp.model.Setup;
import dev.mwexp.validation.Problem;
import dev.mwexp.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Entry point of the spec format: load, parse, validate and write mw-experimental specs. */
public final class Spec {

  /** Specs are a few kilobytes; anything this large is a mistake or an attack. */
  public static final long MAX_BYTES = 1L << 20;

  /** The origin name of the built-in default spec in positions and messages. */
  public static final String DEFAULT_ORIGIN = "<built-in mw-experimental.yaml>";

  private static final String DEFAULT_RESOURCE = "mw-experimental.yaml";

  private Spec() {}

  /**
   * Reads, parses and validates a spec file. Only a regular file is read (never a FIFO, device
   * or directory, which could block or never end), and at most {@link #MAX_BYTES} bytes of it,
   * counted as they are read.
   */
  public static Setup load(Path file) throws SpecException {
    String origin = file.toString();
    try {
      return parse(SafeTree.readBytes(file, origin, MAX_BYTES), origin);
    } catch (TreeException e) {
      throw unreadable(e);
    }
  }

  /** Reads a spec from a stream (standard input), at most {@link #MAX_BYTES} bytes of it. */
  public static Setup read(InputStream in, String origin) throws SpecException {
    try {
      return parse(SafeTree.bounded(in, origin, MAX_BYTES), origin);
    } catch (TreeException e) {
      throw unreadable(e);
    } catch (IOException e) {
      throw unreadable(new TreeException(origin, "cannot read: " + IoReason.of(e)));
    }
  }

  private static SpecException unreadable(TreeException e) {
    boolean tooLarge = e.reason().startsWith("is larger than");
    return new SpecException(List.of(Problem.of(
        tooLarge ? Problem.Kind.LIMIT : Problem.Kind.IO, "", e.getMessage(),
        tooLarge ? "at most " + MAX_BYTES + " bytes" : "a readable regular file, or - for standard input")));
  }

  /** Parses and validates spec bytes, which must be UTF-8 (a UTF-8 BOM is allowed). */
  public static Setup parse(byte[] bytes, String origin) throws SpecException {
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(origin, bytes.length);
    }
    return SpecBinder.bind(SpecText.decode(bytes, origin), origin);
  }

  /** Parses and validates spec text; {@code origin} names it in problem positions. */
  public static Setup parse(String yaml, String origin) throws SpecException {
    if (yaml.length() > MAX_BYTES) {
      throw tooLarge(origin, yaml.length());
    }
    return SpecBinder.bind(yaml, origin);
  }

  /** Validates a setup built in code; a setup from {@link #load} is already valid. */
  public static Setup validate(Setup setup) throws SpecException {
    List<Problem> problems = Validator.validate(setup);
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return setup;
  }

  /** The built-in default: the real Wikimedia setup, as in {@code examples/mw-experimental.yaml}. */
  public static Setup defaultSetup() {
    return BuiltIn.SETUP;
  }

  /** Read once: an immutable value of a constant text, which import and check each asked for again. */
  private static final class BuiltIn {
    static final Setup SETUP = read();

    private static Setup read() {
      try {
        return parse(defaultSpecText(), DEFAULT_ORIGIN);
      } catch (SpecException e) {
        throw new IllegalStateException("the built-in spec is invalid:\n" + e.getMessage(), e);
      }
    }
  }

  /** The text of the built-in default spec. */
  public static String defaultSpecText() {
    try (InputStream in = Spec.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The setup as canonical spec YAML, every value explicit; {@link #parse} reads it back equal. */
  public static String write(Setup setup) {
    return SpecWriter.write(setup);
  }

  private static SpecException tooLarge(String origin, long size) {
    return new SpecException(
        List.of(
            Problem.of(
                Problem.Kind.LIMIT,
                "",
                origin + " is " + size + " bytes, larger than a spec may be",
                "at most " + MAX_BYTES + " bytes")));
  }
}
