package dev.mwexp.spec;

import dev.mwexp.model.CodeRefresh;
import dev.mwexp.model.ImmutableCodeRefresh;

/** Binds the codeRefresh section. */
final class CodeRefreshBinder {

  CodeRefresh codeRefresh(SpecBinder.Fields f) {
    ImmutableCodeRefresh.Builder b = ImmutableCodeRefresh.builder();
    f.bool("enabled").ifPresent(b::enabled);
    f.string("timerName").ifPresent(b::timerName);
    f.string("interval").ifPresent(b::interval);
    f.string("script").ifPresent(b::script);
    f.string("lockFile").ifPresent(b::lockFile);
    f.string("editsDirectory").ifPresent(b::editsDirectory);
    f.integer("keepEditsDays").ifPresent(b::keepEditsDays);
    f.integer("keepEditsCount").ifPresent(b::keepEditsCount);
    f.bool("parsoid").ifPresent(b::parsoid);
    f.finish();
    return b.build();
  }
}
