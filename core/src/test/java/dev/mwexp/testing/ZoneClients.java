package dev.mwexp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A zone template as operations/dns turns it into a zone, with real tools: Jinja (Debian's
 * python3-jinja2) renders it, then BIND's named-checkzone loads it and prints it canonically.
 */
public final class ZoneClients {

  private ZoneClients() {}

  /** The template rendered by Jinja, with a serial filled in. */
  public static String render(String template, Path dir) throws IOException {
    RealClients.require("/usr/bin/python3 -c 'import jinja2'");
    Path in = Files.writeString(dir.resolve("template.j2"), template);
    Path out = dir.resolve("rendered.zone");
    RealClients.Result r = RealClients.run(List.of("/usr/bin/python3", "-c",
        "import sys, jinja2\n"
            + "text = open(sys.argv[1], encoding='utf-8').read()\n"
            + "env = jinja2.Environment(keep_trailing_newline=True)\n"
            + "out = env.from_string(text).render(serial_num=2026120401, serial='2026120401', serial_comment='')\n"
            + "open(sys.argv[2], 'w', encoding='utf-8').write(out)\n",
        in.toString(), out.toString()), dir, 60);
    if (r.exitCode() != 0) {
      throw new AssertionError("jinja2 failed: " + r.output());
    }
    return Files.readString(out);
  }

  /** named-checkzone's canonical dump of {@code zone} as origin {@code origin}; fails when it refuses it. */
  public static String check(String zone, String origin, Path dir) throws IOException {
    RealClients.require("named-checkzone");
    Path file = Files.writeString(dir.resolve("checked.zone"), zone);
    RealClients.Result r = RealClients.run(List.of("named-checkzone", "-i", "local", "-D", "-o", "-", "-w",
        dir.toString(), origin, file.toString()), dir, 60);
    if (r.exitCode() != 0) {
      throw new AssertionError("named-checkzone refused the zone: " + r.output() + "\n--- zone ---\n" + zone);
    }
    return r.output();
  }
}
