package dev.mwexp.consistency.read;

import dev.mwexp.consistency.facts.CnameRecord;
import dev.mwexp.consistency.facts.Source;
import dev.mwexp.files.TreeException;
import dev.mwexp.format.zone.ZoneTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CNAMEs of a zone template, as facts, read through the one zone reader ({@link ZoneTemplate}).
 * Records rendered by Jinja ({@code {{ … }}} or inside a loop) are not facts: their text is not
 * what gdnsd serves. Other record types (A, SRV, DYNA, …) are someone else's and are skipped.
 */
public final class CnameFacts {

  private CnameFacts() {}

  /**
   * The CNAMEs of {@code text}. A CNAME named {@code service} (its first label, in any origin) is
   * the service's own: a TTL there that no DNS server accepts is a problem at its line. Anyone
   * else's record is only tokenised.
   */
  public static List<CnameRecord> read(String file, String text, String service) throws TreeException {
    ZoneTemplate zone = ZoneTemplate.read(text);
    if (!zone.problems().isEmpty()) {
      ZoneTemplate.Problem p = zone.problems().get(0);
      throw new TreeException(file, p.line(), p.column(), p.message());
    }
    List<CnameRecord> out = new ArrayList<>();
    for (ZoneTemplate.Entry r : zone.records()) {
      if (r.type().equals("CNAME") && r.data().size() == 1 && !r.templated() && r.jinjaDepth() == 0) {
        if (r.ttl().isEmpty() && r.owner().startsWith(service + ".")) {
          throw new TreeException(file, r.firstLine(), r.column(), "TTL '" + r.ttlText()
              + "' is not a number of seconds (or 1H-style units) up to " + ZoneTemplate.MAX_TTL);
        }
        out.add(new CnameRecord(r.owner(), r.target(), r.ttl().orElse(-1), Source.of(file, r.firstLine())));
      }
    }
    return out;
  }
}
