package dev.mwexp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A routing script run by Debian's LuaJIT (the Lua that ATS embeds) under one mocked ts_lua,
 * {@code ts-mock.lua}: every test that asks where do_remap sends a request uses this one fake.
 */
public final class TsLua {

  private TsLua() {}

  /**
   * Runs {@code script} on {@code cases}, Lua table constructors such as
   * {@code { name = "n", headers = { ["X-Wikimedia-Debug"] = "backend=b" } },} (optional
   * {@code url_host}, {@code uri}), and returns per case name the rest of its line: do_remap's
   * return, host, port, cache setting, status and body, tab-separated, {@code nil} when unset.
   */
  public static Map<String, String> run(Path scratch, String script, String cases) {
    RealClients.require("luajit");
    try {
      Path mock = scratch.resolve("ts-mock.lua");
      try (InputStream in = TsLua.class.getResourceAsStream("ts-mock.lua")) {
        Files.write(mock, in.readAllBytes());
      }
      Path scriptFile = Files.writeString(scratch.resolve("routing.lua"), script);
      Path casesFile = Files.writeString(scratch.resolve("cases.lua"), "return {\n" + cases + "}\n");
      RealClients.Result r = RealClients.run(
          List.of("luajit", mock.toString(), scriptFile.toString(), casesFile.toString()), null, 60);
      if (r.exitCode() != 0) {
        throw new AssertionError("luajit exited " + r.exitCode() + ":\n" + r.output());
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (String line : r.output().split("\n")) {
        if (line.startsWith("CASE\t")) {
          String[] cells = line.split("\t", 3);
          out.put(cells[1], cells[2]);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
