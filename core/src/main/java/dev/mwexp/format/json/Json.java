package dev.mwexp.format.json;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * The one JSON parser configuration every reader here shares: jackson-core's streaming parser,
 * where a key given twice counts with its last value (as PHP's json_decode reads it). Streaming
 * only: databind's object mapper costs a CLI run a tenth of a second to start (issue 17).
 */
final class Json {

  static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}
}
