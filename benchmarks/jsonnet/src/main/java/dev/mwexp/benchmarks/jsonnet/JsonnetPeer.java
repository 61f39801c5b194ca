package dev.mwexp.benchmarks.jsonnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mwexp.model.Datacenter;
import dev.mwexp.model.Scheduling;
import dev.mwexp.model.Service;
import dev.mwexp.model.Setup;
import dev.mwexp.model.Taint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import scala.Function0;
import scala.Option;
import scala.Tuple2;
import scala.util.Either;
import sjsonnet.DefaultParseCache;
import sjsonnet.Expr;
import sjsonnet.FileScope;
import sjsonnet.Importer;
import sjsonnet.Interpreter;
import sjsonnet.OsPath;
import sjsonnet.ParseCache;
import sjsonnet.Path;
import sjsonnet.ResolvedFile;
import sjsonnet.Settings;
import sjsonnet.StaticResolvedFile;
import sjsonnet.Std;
import sjsonnet.Val;

/**
 * The Jsonnet peer as a Jsonnet user has it, run by sjsonnet in-process: a library
 * ({@code mw-experimental.libsonnet}, parsed once and kept in the parse cache, as sjsonnet's
 * long-running mode keeps it) applied by a small main file to the setup's data as JSON. The data
 * is parsed on every run, as mwexp parses its spec and Pkl its data module.
 */
final class JsonnetPeer {

  private static final String LIBRARY = "mw-experimental.libsonnet";
  /** The refresh script, the same for every setup: mwexp's own file, kept beside the library. */
  private static final String SCRIPT = "mw-experimental-mediawiki-image-update.py";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path wd = new OsPath(os.package$.MODULE$.pwd());
  private final Path library = wd.$div(LIBRARY);
  private final Path main = wd.$div("main.jsonnet");
  private final Path script = wd.$div(SCRIPT);
  private final Val.Obj std = new Std().Std();
  private final ParseCache parseCache = new LibraryOnlyParseCache(library);
  private final Importer importer;

  JsonnetPeer() {
    StaticResolvedFile libraryFile = new StaticResolvedFile(resource(LIBRARY));
    StaticResolvedFile scriptFile = new StaticResolvedFile(resource("/dev/mwexp/hiera/" + SCRIPT));
    importer = new Importer() {
      @Override
      public Option<Path> resolve(Path docBase, String importName) {
        return importName.equals(LIBRARY) ? Option.apply(library)
            : importName.equals(SCRIPT) ? Option.apply(script) : Option.empty();
      }

      @Override
      public Option<ResolvedFile> read(Path path) {
        return path.equals(library) ? Option.apply(libraryFile)
            : path.equals(script) ? Option.apply(scriptFile) : Option.empty();
      }
    };
  }

  private static String resource(String name) {
    try (InputStream in = JsonnetPeer.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Path -> text of every file the library renders for {@code mainFile}. */
  Map<String, String> render(String mainFile) {
    Interpreter interpreter = new Interpreter(
        scala.collection.immutable.Map$.MODULE$.empty(),
        scala.collection.immutable.Map$.MODULE$.empty(),
        wd, importer, parseCache, new Settings(false, false, false, false, false, false), null, null, std);
    Either<String, ujson.Value> result = interpreter.interpret(mainFile, main);
    if (result.isLeft()) {
      throw new IllegalStateException(result.left().get());
    }
    Map<String, String> files = new TreeMap<>();
    result.right().get().obj().foreachEntry((path, text) -> files.put(path, text.str()));
    return files;
  }

  /** The main file: the library applied to the setup, as JSON, as a Jsonnet user keeps data. */
  static String mainFile(Setup s) {
    if (s.scheduling().workload() != Scheduling.Workload.DEPLOYMENT || s.service().createNamespace()) {
      throw new IllegalArgumentException("the Jsonnet library covers Deployment setups without a Namespace object");
    }
    ObjectNode data = JSON.createObjectNode();
    Service svc = s.service();
    ObjectNode service = data.putObject("service")
        .put("name", svc.name())
        .put("namespace", svc.namespace())
        .put("release", svc.release())
        .put("servergroup", svc.servergroup())
        .put("image", svc.image())
        .put("mountPath", svc.mountPath())
        .put("port", svc.port())
        .put("metricsPort", svc.observability().metricsPort())
        .put("prometheusScrape", svc.observability().prometheusScrape());
    svc.observability().labels().forEach(service.putObject("labels")::put);
    service.putObject("requests").put("cpu", svc.resources().requests().cpu()).put("memory", svc.resources().requests().memory());
    service.putObject("limits").put("cpu", svc.resources().limits().cpu()).put("memory", svc.resources().limits().memory());
    ObjectNode php = data.putObject("php")
        .put("opcacheValidateTimestamps", svc.php().opcacheValidateTimestamps())
        .put("develMode", svc.php().develMode());
    svc.php().iniOverrides().forEach(php.putObject("ini")::put);
    data.putObject("label").put("key", s.scheduling().nodeLabel().key()).put("value", s.scheduling().nodeLabel().value());
    ArrayNode taints = data.putArray("taints");
    for (Taint t : s.scheduling().taints()) {
      taints.addObject().put("key", t.key()).put("value", t.value()).put("effect", t.effect().kubernetesName());
    }
    data.putObject("deployers").put("switchKey", s.deployers().switchKey());
    ArrayNode dcs = data.putArray("datacenters");
    for (Datacenter dc : s.datacenters()) {
      ObjectNode d = dcs.addObject().put("name", dc.name());
      dc.hosts().forEach(d.putArray("hosts")::add);
    }
    try {
      return "(import '" + LIBRARY + "')(" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data) + ")\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps the library's parse, never the main file's, so each run parses its data again. */
  private static final class LibraryOnlyParseCache implements ParseCache {
    private final DefaultParseCache cache = new DefaultParseCache();
    private final Path library;

    LibraryOnlyParseCache(Path library) {
      this.library = library;
    }

    @Override
    public Either<sjsonnet.Error, Tuple2<Expr, FileScope>> getOrElseUpdate(
        Tuple2<Path, String> key, Function0<Either<sjsonnet.Error, Tuple2<Expr, FileScope>>> parse) {
      return key._1().equals(library) ? cache.getOrElseUpdate(key, parse) : parse.apply();
    }
  }
}
