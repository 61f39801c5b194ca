package dev.mwexp.ats;

import dev.mwexp.testing.RealClients;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mwexp.export.Artifacts;
import dev.mwexp.format.zone.ZoneTemplate;
import dev.mwexp.model.Route;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated routing in a real Traffic Server 9.2 (Debian's, with tslua.so), started from a
 * private runroot: loopback HTTP servers stand in for the hosts, a hosts file resolves the model's
 * host names and CNAMEs to them, and each request's answer names the server that served it —
 * ATS falls through to the map target with 200 on a Lua runtime error, so a status alone proves
 * nothing.
 */
class TrafficServerEndToEndTest {

  @TempDir static Path dir;

  private static final Setup SETUP = Spec.defaultSetup();
  private static final List<HttpServer> SERVERS = new ArrayList<>();
  private static final Map<String, String> IP_OF_HOST = new LinkedHashMap<>();
  private static Process trafficServer;
  private static int proxyPort;

  @BeforeAll
  static void start() throws Exception {
    RealClients.require("traffic_server");
    Artifacts ats = new AtsExporter().export(SETUP).merge(new DnsExporter().export(SETUP));
    // Hosts get 127.0.0.2, .3, …; the origin of un-routed requests is 127.0.0.100.
    int next = 2;
    for (String host : SETUP.allHosts()) {
      String ip = "127.0.0." + next++;
      IP_OF_HOST.put(host, ip);
      serve(ip, SETUP.service().port(), host);
    }
    int originPort = freePort();
    serve("127.0.0.100", originPort, "origin");
    StringBuilder hosts = new StringBuilder();
    IP_OF_HOST.forEach((host, ip) -> hosts.append(ip).append(' ').append(host).append('\n'));
    // The CNAMEs as the zone file says: each name resolves to its target's address.
    for (ZoneTemplate.Entry record : ZoneTemplate.read(ats.get("dns/" + DnsExporter.ZONE)).records()) {
      if (record.type().equals("CNAME")) {
        hosts.append(IP_OF_HOST.get(record.target())).append(' ').append(record.owner()).append('\n');
      }
    }
    proxyPort = freePort();
    Path etc = Files.createDirectories(dir.resolve("etc"));
    copyTree(Path.of("/etc/trafficserver"), etc);
    Path script = Files.writeString(etc.resolve(RoutingScript.FILE), ats.get("puppet/" + RoutingScript.PATH));
    // As Wikimedia's MediaWiki mapping rules attach the script.
    String clause = "@plugin=tslua.so @pparam=" + script;
    Files.writeString(etc.resolve("remap.config"),
        "map http://en.wikipedia.org/ http://127.0.0.100:" + originPort + "/ " + clause + "\n");
    Files.writeString(dir.resolve("hosts"), hosts);
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      // ATS drops to its own user, which must reach the (otherwise private) test directory.
      Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.writeString(etc.resolve("records.config"), String.join("\n",
        "CONFIG proxy.config.http.server_ports STRING " + proxyPort,
        "CONFIG proxy.config.reverse_proxy.enabled INT 1",
        "CONFIG proxy.config.url_remap.remap_required INT 1",
        "CONFIG proxy.config.hostdb.host_file.path STRING " + dir.resolve("hosts"),
        "CONFIG proxy.config.admin.user_id STRING " + (root ? "trafficserver" : "#-1"),
        "CONFIG proxy.config.http.wait_for_cache INT 0",
        "CONFIG proxy.config.diags.output.status STRING L", ""));
    Files.writeString(etc.resolve("storage.config"), dir.resolve("cachedir") + " 64M\n");
    Files.writeString(etc.resolve("ip_allow.yaml"),
        "ip_allow:\n  - apply: in\n    ip_addrs: 127.0.0.0/8\n    action: allow\n    methods: ALL\n");
    Files.writeString(etc.resolve("plugin.config"), "");
    StringBuilder runroot = new StringBuilder();
    Map<String, String> layout = new LinkedHashMap<>();
    layout.put("prefix", dir.toString());
    layout.put("exec_prefix", "/usr");
    layout.put("bindir", "/usr/bin");
    layout.put("sbindir", "/usr/sbin");
    layout.put("sysconfdir", etc.toString());
    layout.put("includedir", "/usr/include");
    layout.put("libdir", "/usr/lib/trafficserver");
    layout.put("libexecdir", "/usr/lib/trafficserver/modules");
    for (String writable : List.of("datadir", "localstatedir", "runtimedir", "logdir", "cachedir")) {
      Path d = Files.createDirectories(dir.resolve(writable));
      layout.put(writable, d.toString());
      if (root) {
        UserPrincipalLookupService users = d.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(d, users.lookupPrincipalByName("trafficserver"));
      }
    }
    layout.forEach((k, v) -> runroot.append(k).append(": ").append(v).append('\n'));
    Path runrootFile = Files.writeString(dir.resolve("runroot.yaml"), runroot);

    RealClients.Result verify = RealClients.run(List.of("traffic_server", "--run-root=" + runrootFile, "-C", "verify_config"), null, 60);
    assertThat(verify.exitCode()).as("verify_config:\n" + verify.output()).isZero();

    trafficServer = new ProcessBuilder("setsid", "traffic_server", "--run-root=" + runrootFile)
        .redirectErrorStream(true).redirectOutput(dir.resolve("traffic_server.out").toFile()).start();
    // The hosts file loads about a second after start: wait for a host-name route to answer.
    Route probe = SETUP.routes().get(0);
    String expected = "served by " + backendOf(probe);
    long deadline = System.nanoTime() + 30_000_000_000L;
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last = get("backend=" + probe.backend());
        if (last.contains(expected)) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Traffic Server did not route in time; last answer: " + last + "\n"
        + Files.readString(dir.resolve("traffic_server.out")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (trafficServer != null) {
      // setsid forks: stop the process tree ATS runs in, by PID, also when the tests failed.
      trafficServer.descendants().forEach(ProcessHandle::destroy);
      trafficServer.destroy();
      trafficServer.waitFor();
      for (ProcessHandle h : ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
          .map(c -> c.contains("--run-root=" + dir.resolve("runroot.yaml"))).orElse(false)).toList()) {
        h.destroy();
        h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
    SERVERS.forEach(s -> s.stop(0));
  }

  private static String backendOf(Route route) {
    String host = route.kind() == Route.Kind.HOST ? route.targetHost()
        : SETUP.datacenter(route.datacenter()).orElseThrow().cname().target();
    return host;
  }

  @Test
  void verifyConfigRefusesAScriptWithASyntaxError() throws Exception {
    // The same runroot with a broken copy of the script: a Lua syntax error is fatal to ATS, and
    // verify_config, run on the generated wiring before start, is what catches it.
    Path etc2 = Files.createDirectories(dir.resolve("etc-broken"));
    copyTree(dir.resolve("etc"), etc2);
    Files.writeString(etc2.resolve(RoutingScript.FILE),
        new AtsExporter().export(SETUP).get("puppet/" + RoutingScript.PATH) + "\nlocal broken = = 1\n");
    Files.writeString(etc2.resolve("remap.config"),
        Files.readString(dir.resolve("etc").resolve("remap.config")).replace(dir.resolve("etc").toString(), etc2.toString()));
    Path runroot2 = Files.writeString(dir.resolve("runroot-broken.yaml"),
        Files.readString(dir.resolve("runroot.yaml")).replace("sysconfdir: " + dir.resolve("etc"), "sysconfdir: " + etc2));
    RealClients.Result r = RealClients.run(List.of("traffic_server", "--run-root=" + runroot2, "-C", "verify_config"), null, 60);
    assertThat(r.exitCode()).as(r.output()).isNotZero();
    assertThat(r.output()).contains("Failed to load remap.config");
  }

  @Test
  void everyBackendNameReachesItsHost() throws Exception {
    for (Route route : SETUP.routes()) {
      String answer = get("backend=" + route.backend());
      assertThat(answer).as(route.backend()).startsWith("HTTP/1.1 200").contains("served by " + backendOf(route) + "\n");
    }
  }

  @Test
  void backendAmongOtherFieldsAndTheBareFormWork() throws Exception {
    Route eqiad = SETUP.routes().stream().filter(r -> r.backend().equals("k8s-mw-experimental-eqiad")).findFirst().orElseThrow();
    assertThat(get("profile; backend=" + eqiad.backend() + "; log")).contains("served by " + backendOf(eqiad) + "\n");
    assertThat(get(eqiad.backend())).contains("served by " + backendOf(eqiad) + "\n");
  }

  @Test
  void unknownBackendIsA400NamingTheScope() throws Exception {
    String answer = get("backend=mwdebug1001.eqiad.wmnet");
    assertThat(answer).startsWith("HTTP/1.1 400")
        .contains("x-wikimedia-debug-routing: no match found for the backend specified in X-Wikimedia-Debug (scope: default)")
        .doesNotContain("served by");
  }

  @Test
  void withoutTheHeaderTheOriginAnswers() throws Exception {
    assertThat(get(null)).startsWith("HTTP/1.1 200").contains("served by origin\n");
  }

  @Test
  void routedResponsesAreNotCached() throws Exception {
    Route route = SETUP.routes().get(0);
    String first = get("backend=" + route.backend());
    String again = get("backend=" + route.backend());
    assertThat(again).contains("served by " + backendOf(route) + "\n");
    // The origin counts requests: a cached answer would repeat the first one's number.
    assertThat(requestNumber(again)).isGreaterThan(requestNumber(first));
    // Un-routed requests of the same cacheable page are cached, so the bypass is the script's doing.
    String origin1 = get(null);
    String origin2 = get(null);
    assertThat(requestNumber(origin2)).isEqualTo(requestNumber(origin1));
  }

  private static int requestNumber(String response) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("request (\\d+)").matcher(response);
    assertThat(m.find()).as(response).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** One HTTP/1.1 request to ATS with Host en.wikipedia.org; the raw response. */
  private static String get(String xwd) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxyPort)) {
      socket.setSoTimeout(10_000);
      String request = "GET /wiki/Main_Page HTTP/1.1\r\nHost: en.wikipedia.org\r\n"
          + (xwd == null ? "" : "X-Wikimedia-Debug: " + xwd + "\r\n") + "Connection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void serve(String ip, int port, String name) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), port), 16);
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    server.createContext("/", exchange -> {
      // Cacheable on purpose: only the script's cache bypass keeps ATS from answering from cache.
      byte[] body = ("served by " + name + "\nrequest " + requests.incrementAndGet() + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Cache-Control", "public, max-age=3600");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    SERVERS.add(server);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (Files.isReadable(p)) {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
