package dev.mwexp.consistency.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.Source;
import org.junit.jupiter.api.Test;

class ZoneReaderTest {

  @Test
  void readsAbsoluteRelativeAndDefaultedRecords() throws Exception {
    String zone =
        """
        ; mw-experimental CNAMEs
        $TTL 600
        mw-experimental.eqiad.wmnet. 300 IN CNAME wikikube-worker-exp1001.eqiad.wmnet.
        $ORIGIN codfw.wmnet.
        mw-experimental    CNAME   wikikube-worker-exp2001 ; relative names
        other 60 IN A 10.0.0.1
        """;

    assertThat(ZoneReader.read("z", zone))
        .containsExactly(
            new CnameRecord("mw-experimental.eqiad.wmnet", "wikikube-worker-exp1001.eqiad.wmnet", 300, Source.of("z", 3)),
            new CnameRecord("mw-experimental.codfw.wmnet", "wikikube-worker-exp2001.codfw.wmnet", 600, Source.of("z", 5)));
  }
}
