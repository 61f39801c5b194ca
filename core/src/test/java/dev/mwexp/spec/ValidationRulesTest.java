package dev.mwexp.spec;

import static dev.mwexp.spec.Problems.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.validation.Problem;
import dev.mwexp.validation.Problem.Kind;
import dev.mwexp.validation.SourcePosition;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One failing spec per validation rule: each must yield exactly one problem, of the right kind, at
 * the model path and the line and column of the offending value, with a message naming it.
 */
class ValidationRulesTest {

  private static final String H1 = "wikikube-worker-exp1001.eqiad.wmnet";
  private static final String H2 = "wikikube-worker-exp1002.eqiad.wmnet";
  private static final String C1 = "wikikube-worker-exp2001.codfw.wmnet";

  /** A spec whose first lines are {@code head}, then the minimal datacenters. */
  private static String with(String head) {
    return head + MINIMAL;
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("service name is a DNS-1123 label", with("service:\n  name: MW_Exp\n"),
            Kind.INVALID_VALUE, "service.name", 2, 9, "'MW_Exp'"),
        rule("namespace is a DNS-1123 label", with("service:\n  namespace: -ns\n"),
            Kind.INVALID_VALUE, "service.namespace", 2, 14, "'-ns'"),
        rule("release is a DNS-1123 label", with("service:\n  release: " + "r".repeat(64) + "\n"),
            Kind.INVALID_VALUE, "service.release", 2, 12, "rrrr"),
        rule("servergroup is a DNS-1123 label", with("service:\n  servergroup: kube mw\n"),
            Kind.INVALID_VALUE, "service.servergroup", 2, 16, "'kube mw'"),
        rule("image is an image reference", with("service:\n  image: 'registry/Image:latest'\n"),
            Kind.INVALID_VALUE, "service.image", 2, 10, "registry/Image:latest"),
        rule("mount path is normalized", with("service:\n  mountPath: /srv/../etc\n"),
            Kind.INVALID_VALUE, "service.mountPath", 2, 14, "/srv/../etc"),
        rule("mount path is absolute", with("service:\n  mountPath: srv/mediawiki\n"),
            Kind.INVALID_VALUE, "service.mountPath", 2, 14, "srv/mediawiki"),
        rule("mount path has no trailing slash", with("service:\n  mountPath: /srv/mediawiki/\n"),
            Kind.INVALID_VALUE, "service.mountPath", 2, 14, "/srv/mediawiki/"),
        rule("port inside the NodePort range", with("service:\n  port: 30001\n"),
            Kind.INVALID_VALUE, "service.port", 2, 9, "outside the cluster's NodePort range 4000-4999"),
        rule("port is a TCP port", with("service:\n  port: 70000\n  nodePortRange: 1-65535\n"),
            Kind.INVALID_VALUE, "service.port", 2, 9, "70000 is not a TCP port"),
        rule("port range is ordered", with("service:\n  port: 4456\n  nodePortRange: 4999-4000\n"),
            Kind.INVALID_VALUE, "service.nodePortRange", 3, 18, "4999-4000"),
        rule("port range syntax", with("service:\n  nodePortRange: 4000..4999\n"),
            Kind.INVALID_VALUE, "service.nodePortRange", 2, 18, "'4000..4999' is not a port range"),
        // Issue 13: valid specs must give valid output.
        rule("mount path is not the file system root", with("service:\n  mountPath: /\n"),
            Kind.INVALID_VALUE, "service.mountPath", 2, 14, "'/' is not valid here"),
        rule("mount path is not a shared parent", with("service:\n  mountPath: /srv\n"),
            Kind.INVALID_VALUE, "service.mountPath", 2, 14, "mount path /srv is a directory the system shares"),
        rule("mount path is not a system directory", with("service:\n  mountPath: /etc\n"),
            Kind.INVALID_VALUE, "service.mountPath", 2, 14, "mount path /etc is a system directory"),
        rule("mount path is not inside kubelet's tree", with("service:\n  mountPath: /var/lib/kubelet/pods\n"),
            Kind.INVALID_VALUE, "service.mountPath", 2, 14, "inside the system directory /var/lib/kubelet"),
        rule("mount path is not where the php overrides are mounted", with("service:\n  mountPath: /etc/php-mwexp.d\n"),
            Kind.INVALID_VALUE, "service.mountPath", 2, 14, "/etc/php-mwexp.d"),
        rule("ini value PHP can parse", with("service:\n  php:\n    ini: {date.timezone: 'UTC=1'}\n"),
            Kind.INVALID_VALUE, "service.php.ini.date.timezone", 3, 11, "'UTC=1'"),
        rule("ini value without outer spaces PHP would trim", with("service:\n  php:\n    ini: {date.timezone: ' UTC'}\n"),
            Kind.INVALID_VALUE, "service.php.ini.date.timezone", 3, 11, "' UTC'"),
        rule("ini key is not a PHP constant", with("service:\n  php:\n    ini: {'yes': '1'}\n"),
            Kind.INVALID_VALUE, "service.php.ini.yes", 3, 11, "'yes'"),
        rule("memory quantity fits 64 bits", with("service:\n  resources:\n    limits: {memory: 9999999999Ti}\n"),
            Kind.INVALID_VALUE, "service.resources.limits.memory", 3, 22, "'9999999999Ti'"),
        rule("observability labels are not mwexp's own", with("service:\n  observability:\n    labels: {app: other}\n"),
            Kind.INVALID_VALUE, "service.observability.labels.app", 3, 14, "label app is reserved"),
        rule("host names are DNS names, 253 characters at most", "datacenters:\n  eqiad:\n    hosts: [LONG]\n".replace("LONG", "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.ddddddddddddddddddddddddddddddddddddddddddddddddddd.eqiad.wmnet'"),
            Kind.INVALID_VALUE, "datacenters.eqiad.hosts[0]", 3, 13, "is not valid here"),
        rule("cpu quantity", with("service:\n  resources:\n    requests: {cpu: lots}\n"),
            Kind.INVALID_VALUE, "service.resources.requests.cpu", 3, 21, "'lots'"),
        rule("memory quantity", with("service:\n  resources:\n    limits: {memory: 4GB}\n"),
            Kind.INVALID_VALUE, "service.resources.limits.memory", 3, 22, "'4GB'"),
        rule("request within limit", with("service:\n  resources:\n    requests: {memory: 5Gi}\n"),
            Kind.INVALID_VALUE, "service.resources.requests.memory", 3, 24, "exceeds the limit 4000Mi"),
        rule("no alerting", with("service:\n  alerting: true\n"),
            Kind.INVALID_VALUE, "service.alerting", 2, 13, "never page"),
        rule("metrics port", with("service:\n  observability: {metricsPort: 0}\n"),
            Kind.INVALID_VALUE, "service.observability.metricsPort", 2, 32, "port 0"),
        rule("metrics URL placeholder", with("service:\n  observability: {grafanaUrl: 'https://g.example/{site}'}\n"),
            Kind.INVALID_VALUE, "service.observability.grafanaUrl", 2, 31, "placeholder mwexp does not know"),
        rule("logs URL the motd's shell would read", with("service:\n  observability: {logstashUrl: 'https://l.example/?q=$HOME'}\n"),
            Kind.INVALID_VALUE, "service.observability.logstashUrl", 2, 32, "unencoded"),
        rule("observability label key", with("service:\n  observability:\n    labels: {'bad key': x}\n"),
            Kind.INVALID_VALUE, "service.observability.labels.bad key", 3, 14, "'bad key'"),
        rule("ini key", with("service:\n  php:\n    ini: {'opcache enable': '1'}\n"),
            Kind.INVALID_VALUE, "service.php.ini.opcache enable", 3, 11, "'opcache enable'"),
        rule("ini value", with("service:\n  php:\n    ini: {memory_limit: \"1G\\n[x]\"}\n"),
            Kind.INVALID_VALUE, "service.php.ini.memory_limit", 3, 11, "1G\\u000a[x]"),
        rule("validate_timestamps has its own switch",
            with("service:\n  php:\n    ini: {opcache.validate_timestamps: '0'}\n"),
            Kind.INVALID_VALUE, "service.php.ini.opcache.validate_timestamps", 3, 11, "opcacheValidateTimestamps"),
        rule("node label needs =", with("scheduling:\n  nodeLabel: dedicated\n"),
            Kind.INVALID_VALUE, "scheduling.nodeLabel", 2, 14, "has no '='"),
        rule("node label key syntax", with("scheduling:\n  nodeLabel: Bad/Key/x=y\n  taints: [a=b:NoSchedule]\n"),
            Kind.INVALID_VALUE, "scheduling.nodeLabel", 2, 14, "'Bad/Key/x'"),
        rule("node label value syntax", with("scheduling:\n  nodeLabel: dedicated=-x-\n"),
            Kind.INVALID_VALUE, "scheduling.nodeLabel", 2, 14, "'-x-'"),
        rule("taint effect", with("scheduling:\n  taints: [dedicated=mw-experimental:NoExecut]\n"),
            Kind.INVALID_VALUE, "scheduling.taints[0]", 2, 12, "does not end in :NoSchedule"),
        rule("taint key syntax", with("scheduling:\n  taints: ['bad key=x:NoSchedule']\n"),
            Kind.INVALID_VALUE, "scheduling.taints[0]", 2, 12, "'bad key'"),
        rule("taint repeated", with("scheduling:\n  taints: [a=b:NoSchedule, a=c:NoSchedule]\n"),
            Kind.DUPLICATE, "scheduling.taints[1]", 2, 28, "a=c:NoSchedule"),
        rule("taints not empty", with("scheduling:\n  taints: []\n"),
            Kind.MISSING, "scheduling.taints", 2, 11, "no taints"),
        rule("workload kind", with("scheduling:\n  workload: StatefulSet\n"),
            Kind.INVALID_VALUE, "scheduling.workload", 2, 13, "unknown workload 'StatefulSet'"),
        rule("deploy user", with("deployers:\n  user: Root!\n"),
            Kind.INVALID_VALUE, "deployers.user", 2, 9, "'Root!'"),
        rule("deploy group", with("deployers:\n  group: 9group\n"),
            Kind.INVALID_VALUE, "deployers.group", 2, 10, "'9group'"),
        rule("deployment group", with("deployers:\n  deploymentGroup: ''\n"),
            Kind.INVALID_VALUE, "deployers.deploymentGroup", 2, 20, "''"),
        rule("mode is octal", with("deployers:\n  mountMode: 0999\n"),
            Kind.INVALID_VALUE, "deployers.mountMode", 2, 14, "'0999'"),
        rule("the group can write", with("deployers:\n  mountMode: \"0755\"\n"),
            Kind.INVALID_VALUE, "deployers.mountMode", 2, 14, "mode 0755 does not let the group deployment write"),
        rule("mode has four digits", with("deployers:\n  mountMode: 775\n"),
            Kind.INVALID_VALUE, "deployers.mountMode", 2, 14, "'775'"),
        rule("switch key", with("deployers:\n  switchKey: 'profile::%{facts.x}'\n"),
            Kind.INVALID_VALUE, "deployers.switchKey", 2, 14, "%{facts.x}"),
        rule("timer name", with("codeRefresh:\n  timerName: 'a b'\n"),
            Kind.INVALID_VALUE, "codeRefresh.timerName", 2, 14, "'a b'"),
        rule("timer interval is a systemd time span", with("codeRefresh:\n  interval: \"1h\\nExecStart=/bin/sh\"\n"),
            Kind.INVALID_VALUE, "codeRefresh.interval", 2, 13, "is not a systemd time span"),
        rule("timer interval repeats", with("codeRefresh:\n  interval: 0s\n"),
            Kind.INVALID_VALUE, "codeRefresh.interval", 2, 13, "interval 0s never repeats the refresh"),
        rule("edits are kept", with("codeRefresh:\n  keepEditsCount: 0\n"),
            Kind.INVALID_VALUE, "codeRefresh.keepEditsCount", 2, 19, "0 copies keeps no edit"),
        rule("refresh script", with("codeRefresh:\n  script: ./update\n"),
            Kind.INVALID_VALUE, "codeRefresh.script", 2, 11, "'./update'"),
        rule("per-DC backends differ",
            "debugRouting:\n  datacenterBackend: k8s-{service}\ndatacenters:\n  eqiad:\n    hosts: [" + H1
                + "]\n  codfw:\n    hosts: [" + C1 + "]\n",
            Kind.INVALID_VALUE, "debugRouting.datacenterBackend", 2, 22, "has no {dc}"),
        rule("backend names are XWD-selectable", with("debugRouting:\n  datacenterBackend: k8s_{dc}\n"),
            Kind.INVALID_VALUE, "debugRouting.datacenterBackend", 2, 22, "'k8s_eqiad'"),
        rule("backend names are unique",
            "debugRouting:\n  datacenterBackend: '{dc}.x.eqiad.wmnet'\ndatacenters:\n  eqiad:\n"
                + "    hosts: [eqiad.x.eqiad.wmnet, " + H1 + "]\n",
            Kind.DUPLICATE, "datacenters.eqiad.hosts", 5, 12, "would route to both"),
        // Issue 16: a codfw host under eqiad is refused where it stands, without suggesting itself.
        rule("a host is in its datacenter's domain", "datacenters:\n  eqiad:\n    hosts: [" + C1 + "]\n"
                + "    cname: {name: mw-experimental.eqiad.wmnet, target: " + C1 + "}\n",
            Kind.INVALID_VALUE, "datacenters.eqiad.hosts[0]", 3, 13,
            "host wikikube-worker-exp2001.codfw.wmnet is in codfw.wmnet, not in eqiad.wmnet"),
        // Issue 16: an indentation mistake gets a hint, once, at the misplaced key.
        rule("datacenter keys belong inside a datacenter", "datacenters:\n  eqiad:\n    hosts: [" + H1 + "]\n"
                + "  esams:\n  hosts: [mw-exp3001.esams.wmnet]\n",
            Kind.WRONG_TYPE, "datacenters.hosts", 5, 3, "'hosts' is at the level of the datacenters; indent it under esams:?"),
        rule("datacenter name", "datacenters:\n  EQIAD:\n    hosts: [" + H1 + "]\n",
            Kind.INVALID_VALUE, "datacenters.EQIAD", 2, 3, "'EQIAD'"),
        rule("datacenter has hosts", "datacenters:\n  eqiad:\n    hosts: []\n",
            Kind.MISSING, "datacenters.eqiad.hosts", 3, 12, "has no hosts"),
        rule("datacenter hosts key", "datacenters:\n  eqiad: {}\n",
            Kind.MISSING, "datacenters.eqiad.hosts", 2, 10, "has no hosts"),
        rule("hosts are FQDNs", "datacenters:\n  eqiad:\n    hosts: [" + H1 + ", localhost]\n",
            Kind.INVALID_VALUE, "datacenters.eqiad.hosts[1]", 3, 50, "'localhost'"),
        rule("hosts are lower case", "datacenters:\n  eqiad:\n    hosts: [Wikikube1001.eqiad.wmnet]\n",
            Kind.INVALID_VALUE, "datacenters.eqiad.hosts[0]", 3, 13, "Wikikube1001"),
        rule("host listed once", "datacenters:\n  eqiad:\n    hosts: [" + H1 + ", " + H1 + "]\n",
            Kind.DUPLICATE, "datacenters.eqiad.hosts[1]", 3, 50, "listed twice in eqiad"),
        rule("host in one datacenter",
            "datacenters:\n  eqiad:\n    hosts: [" + H1 + "]\n  codfw:\n    hosts: [" + C1 + ", " + H1 + "]\n",
            Kind.DUPLICATE, "datacenters.codfw.hosts[1]", 5, 50, "also in eqiad"),
        rule("hosts have distinct short names",
            "datacenters:\n  eqiad:\n    hosts: [" + H1 + "]\n  codfw:\n    hosts: [" + C1 + ", wikikube-worker-exp1001.codfw.wmnet]\n",
            Kind.DUPLICATE, "datacenters.codfw.hosts[1]", 5, 50, "has the short name of " + H1),
        rule("CNAME target in the datacenter",
            "datacenters:\n  eqiad:\n    hosts: [" + H1 + "]\n    cname: {name: mw.eqiad.wmnet, target: " + H2 + "}\n",
            Kind.REFERENCE, "datacenters.eqiad.cname.target", 4, 43, "is not a host of eqiad"),
        rule("CNAME name is an FQDN", "datacenters:\n  eqiad:\n    hosts: [" + H1 + "]\n    cname: mw_exp\n",
            Kind.INVALID_VALUE, "datacenters.eqiad.cname.name", 4, 12, "'mw_exp'"),
        rule("CNAME is not a host",
            "datacenters:\n  eqiad:\n    hosts: [" + H1 + ", " + H2 + "]\n    cname: " + H2 + "\n",
            Kind.INVALID_VALUE, "datacenters.eqiad.cname.name", 4, 12, "is a host name"),
        rule("CNAME per datacenter",
            "datacenters:\n  eqiad:\n    hosts: [" + H1 + "]\n    cname: mw.wmnet\n  codfw:\n    hosts: [" + C1
                + "]\n    cname: mw.wmnet\n",
            Kind.DUPLICATE, "datacenters.codfw.cname.name", 7, 12, "also the CNAME of datacenters.eqiad"),
        rule("CNAME TTL", "datacenters:\n  eqiad:\n    hosts: [" + H1 + "]\n    cname: {name: mw.eqiad.wmnet, ttl: -1}\n",
            Kind.INVALID_VALUE, "datacenters.eqiad.cname.ttl", 4, 40, "TTL -1"),
        rule("some datacenter", "datacenters: {}\n",
            Kind.MISSING, "datacenters", 1, 14, "no datacenters"),
        rule("datacenters key", "service: {}\n",
            Kind.MISSING, "datacenters", 1, 1, "no datacenters"),
        rule("scope name not default",
            with("debugRouting:\n  scopes:\n    - {name: default, requestHosts: [test.wikipedia.org]}\n"),
            Kind.DUPLICATE, "debugRouting.scopes[0].name", 3, 14, "defined twice"),
        rule("scope matches a Host", with("debugRouting:\n  scopes:\n    - {name: test, requestHosts: []}\n"),
            Kind.MISSING, "debugRouting.scopes[0].requestHosts", 3, 34, "matches no Host"),
        rule("scope datacenters exist",
            with("debugRouting:\n  scopes:\n    - {name: t, requestHosts: [a.org], datacenters: [esams]}\n"),
            Kind.REFERENCE, "debugRouting.scopes[0].datacenters[0]", 3, 54, "esams"),
        rule("unknown key with suggestion", with("service:\n  mount_path: /srv/x\n"),
            Kind.UNKNOWN_KEY, "service.mount_path", 2, 3, "did you mean 'mountPath'?"),
        rule("unknown top-level key", with("datacenter:\n  x: 1\n"),
            Kind.UNKNOWN_KEY, "datacenter", 1, 1, "did you mean 'datacenters'?"),
        rule("string expected", with("service:\n  name: [a, b]\n"),
            Kind.WRONG_TYPE, "service.name", 2, 9, "a list"),
        rule("integer not quoted", with("service:\n  port: '4456'\n"),
            Kind.WRONG_TYPE, "service.port", 2, 9, "'4456' (quoted string)"),
        rule("integer without leading zero", with("service:\n  port: 04456\n"),
            Kind.WRONG_TYPE, "service.port", 2, 9, "'04456'"),
        rule("boolean is true or false", with("service:\n  alerting: no\n"),
            Kind.WRONG_TYPE, "service.alerting", 2, 13, "'no'"),
        rule("value present", with("service:\n  image:\n"),
            Kind.WRONG_TYPE, "service.image", 2, 9, "no value"),
        rule("mapping expected", with("service: mw-experimental\n"),
            Kind.WRONG_TYPE, "service", 1, 10, "'mw-experimental'"),
        rule("key once", with("service:\n  port: 4456\n  port: 4457\n"),
            Kind.DUPLICATE_KEY, "service.port", 3, 3, "appears twice"));
  }

  private static Arguments rule(
      String name, String yaml, Kind kind, String path, int line, int column, String fragment) {
    return Arguments.of(name, yaml, kind, path, line, column, fragment);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleReportsOneProblemWhereItIs(
      String name, String yaml, Kind kind, String path, int line, int column, String fragment) {
    List<Problem> problems = Problems.of(yaml);

    assertThat(problems).as("problems of:\n%s", yaml).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.kind()).as(p.format()).isEqualTo(kind);
    assertThat(p.path()).as(p.format()).isEqualTo(path);
    assertThat(p.position()).as(p.format()).contains(SourcePosition.of("spec.yaml", line, column));
    assertThat(p.message()).as(p.format()).contains(fragment);
    assertThat(p.expected()).as(p.format()).isNotBlank();
  }
}
