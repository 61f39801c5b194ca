package dev.mwexp.validation;

import org.immutables.value.Value;

/** Where in an input file something was written; line and column count from 1. */
@Value.Immutable
public interface SourcePosition {

  @Value.Parameter
  String file();

  @Value.Parameter
  int line();

  @Value.Parameter
  int column();

  static SourcePosition of(String file, int line, int column) {
    return ImmutableSourcePosition.of(file, line, column);
  }

  /** {@code file:line:col}, the form editors and CI logs link. */
  default String format() {
    return file() + ":" + line() + ":" + column();
  }
}
