package dev.mwexp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mwexp.cli.args.Arguments;
import dev.mwexp.cli.args.CommandSyntax;
import dev.mwexp.cli.args.Option;
import dev.mwexp.cli.args.UsageException;
import dev.mwexp.model.HostGuide;
import dev.mwexp.model.Setup;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code mwexp hosts [SPEC] [--host NAME]}: where an engineer looks for each host, the lines its
 * motd shows too: the X-Wikimedia-Debug values that reach it, ssh and the lock command, its
 * metrics and its logs.
 */
final class HostsCommand implements Command {

  private static final Option HOST = Option.value("--host", "NAME",
      "Only this host: its FQDN or short name (wikikube-worker-exp1001).");
  private static final Option OUTPUT = Option.value("--output", "text|json", "text, or json (the same, one document).")
      .withDefault("text").choices("text", "json");

  private static final CommandSyntax SYNTAX = new CommandSyntax("hosts",
      "Print, for each host, the X-Wikimedia-Debug values that reach it, how to log in and lock its code,"
          + " and its metrics and logs. The host's motd shows the same lines.",
      List.of(HOST, OUTPUT), SpecArgument.LABEL, SpecArgument.DESCRIPTION,
      List.of("mwexp hosts", "mwexp hosts mw-experimental.yaml --host wikikube-worker-exp1001"));

  @Override
  public CommandSyntax syntax() {
    return SYNTAX;
  }

  @Override
  public int run(Arguments args, PrintWriter out, PrintWriter err) throws UsageException {
    Optional<Setup> setup = SpecArgument.of(args).load(err);
    if (setup.isEmpty()) {
      return ExitCodes.PROBLEMS;
    }
    List<HostGuide> guides = HostGuide.of(setup.get());
    Optional<String> only = args.value(HOST.name());
    if (only.isPresent()) {
      String name = only.get();
      guides = guides.stream().filter(g -> g.host().equals(name) || g.host().startsWith(name + ".")).toList();
      if (guides.isEmpty()) {
        throw new UsageException("--host " + dev.mwexp.files.Inert.text(name) + " is none of the spec's hosts: "
            + String.join(", ", HostGuide.of(setup.get()).stream().map(HostGuide::host).toList()));
      }
    }
    if (args.value(OUTPUT.name()).orElse("text").equals("json")) {
      out.println(json(guides));
      return ExitCodes.OK;
    }
    for (int i = 0; i < guides.size(); i++) {
      HostGuide g = guides.get(i);
      out.println((i == 0 ? "" : "\n") + g.host() + " (" + g.datacenter() + ")");
      g.lines().forEach(line -> out.println("  " + line));
    }
    return ExitCodes.OK;
  }

  private static String json(List<HostGuide> guides) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode hosts = root.putArray("hosts");
    for (HostGuide g : guides) {
      ObjectNode h = hosts.addObject();
      h.put("host", g.host());
      h.put("datacenter", g.datacenter());
      ArrayNode headers = h.putArray("xWikimediaDebug");
      g.debugHeaders().forEach(headers::add);
      h.put("datacenterBackendReaches", g.datacenterReaches());
      h.put("ssh", g.ssh());
      h.put("lock", g.lockCommand());
      h.put("metrics", g.grafanaUrl());
      h.put("logs", g.logstashUrl());
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
