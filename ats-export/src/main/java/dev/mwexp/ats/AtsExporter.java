package dev.mwexp.ats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mwexp.export.Artifacts;
import dev.mwexp.export.Exporter;
import dev.mwexp.export.YamlText;
import dev.mwexp.model.Route;
import dev.mwexp.model.Setup;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * ATS routing under {@code ats/}: the ts_lua script, the remap wiring that attaches it (the
 * plugin clause for {@code remap.config} map rules, and the same as the {@code params} of a hiera
 * mapping rule of Wikimedia's ATS profile), and {@code wikimediadebug-backends.json}, the backends users choose from.
 */
public final class AtsExporter implements Exporter {

  /** Where Wikimedia's ATS hosts keep their Lua scripts. */
  static final String SCRIPT_PATH = "/etc/trafficserver/lua/" + RoutingScript.FILE;

  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String format() {
    return "ats";
  }

  @Override
  public Artifacts export(Setup setup) {
    return Artifacts.builder()
        .add("ats/" + RoutingScript.FILE, RoutingScript.lua(setup))
        .add("ats/remap.config.fragment", remapFragment())
        .add("ats/mapping-rule-params.yaml", YamlText.write(Map.of("params", pluginParams())))
        .add("ats/wikimediadebug-backends.json", backendsJson(setup))
        .build();
  }

  static List<String> pluginParams() {
    return List.of("@plugin=tslua.so", "@pparam=" + SCRIPT_PATH);
  }

  /** The clause to append to each remap.config map rule that serves MediaWiki. */
  static String remapFragment() {
    return "# Append to each remap.config map rule that serves MediaWiki, e.g.\n"
        + "# map http://en.wikipedia.org/ https://<origin>/ " + String.join(" ", pluginParams()) + "\n"
        + String.join(" ", pluginParams()) + "\n";
  }

  /** The backends as the WikimediaDebug browser extension lists them: value, label, datacenter. */
  private static String backendsJson(Setup setup) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("backends");
      for (Route route : setup.routes()) {
        json.writeStartObject();
        json.writeStringField("value", route.backend());
        json.writeStringField("label", route.kind() == Route.Kind.DATACENTER
            ? setup.service().name() + " (" + route.datacenter() + ")"
            : route.targetHost());
        json.writeStringField("dc", route.datacenter());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }
}
