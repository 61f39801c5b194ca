package dev.mwexp.ats;

import dev.mwexp.testing.RealClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Debian's LuaJIT, the Lua that ATS embeds. */
final class LuaJit {

  private LuaJit() {}

  static RealClients.Result run(Path... scriptAndArgs) {
    List<String> command = new ArrayList<>(List.of("luajit"));
    for (Path p : scriptAndArgs) {
      command.add(p.toString());
    }
    return RealClients.run(command, null, 60);
  }
}
