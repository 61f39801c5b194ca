package dev.mwexp.consistency.facts;

/** Where a fact was read: a file relative to its tree and a 1-based line (0 when unknown). */
public record Source(String file, int line) {

  public static Source of(String file, int line) {
    return new Source(file, line);
  }

  /** Where the value at a JSON pointer of a YAML document starts. */
  public static Source at(dev.mwexp.format.yaml.YamlDocument doc, String pointer) {
    return new Source(doc.file(), doc.line(pointer));
  }

  /** No file: the fact came from the model. */
  public static Source model(String path) {
    return new Source("<model " + path + ">", 0);
  }

  public String format() {
    return line > 0 ? file + ":" + line : file;
  }

  @Override
  public String toString() {
    return format();
  }
}
