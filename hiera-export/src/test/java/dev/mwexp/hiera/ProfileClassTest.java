package dev.mwexp.hiera;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.RealClients;
import dev.mwexp.testing.SetupGenerators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated profile class through real Puppet tooling: {@code puppet parser validate},
 * {@code puppet-lint} with warnings as failures, and rspec-puppet compiling its catalog, for the
 * built-in model and generated ones, against stubs (our own) of the Wikimedia defined types it uses.
 * The refresh script passes shellcheck.
 */
class ProfileClassTest {

  @TempDir Path tmp;

  private static final Path STUBS = Path.of("src/test/resources/puppet-stubs/modules");

  private static List<Setup> models() {
    List<Setup> models = new ArrayList<>(List.of(Spec.defaultSetup()));
    org.quicktheories.QuickTheory.qt().withFixedSeed(15).withExamples(3).forAll(SetupGenerators.setups())
        .checkAssert(models::add);
    return models;
  }

  /** A modulepath with the stubs and the class generated from {@code setup}. */
  private Path modules(Setup setup, String name) throws IOException {
    Path root = Files.createDirectories(tmp.resolve(name));
    Path modules = root.resolve("modules");
    try (Stream<Path> walk = Files.walk(STUBS)) {
      for (Path p : walk.toList()) {
        Path to = modules.resolve(STUBS.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path cls = modules.resolve(ProfileClass.PATH.substring("modules/".length()));
    Files.createDirectories(cls.getParent());
    Files.writeString(cls, ProfileClass.pp(setup));
    return root;
  }

  @Test
  void theClassValidatesAndLintsClean() throws Exception {
    RealClients.require("puppet");
    RealClients.require("puppet-lint");
    int n = 0;
    for (Setup setup : models()) {
      Path root = modules(setup, "lint" + n++);
      String cls = ProfileClass.PATH;
      RealClients.Result validate = RealClients.run(List.of("puppet", "parser", "validate", cls), root, 120);
      assertThat(validate.exitCode()).as(validate.output()).isZero();
      RealClients.Result lint = RealClients.run(List.of("puppet-lint", "--fail-on-warnings", cls), root, 120);
      assertThat(lint.exitCode()).as(lint.output()).isZero();
    }
  }

  /** operations/puppet lints Python with flake8 at 100 columns (its tox.ini); the script is held to the same. */
  @Test
  void theScriptCompilesAndPassesOperationsPuppetsFlake8() throws Exception {
    RealClients.require("/usr/bin/python3");
    Path script = Files.writeString(tmp.resolve("refresh.py"), HieraExporter.script());
    RealClients.Result compile = RealClients.run(List.of("/usr/bin/python3", "-m", "py_compile", script.toString()), tmp, 60);
    assertThat(compile.exitCode()).as(compile.output()).isZero();
    RealClients.Result lint = RealClients.run(List.of("/usr/bin/python3", "-m", "flake8", "--max-line-length=100",
        "--ignore=E121,E123,E126,E133,E226,E241,E242,E704,W503,E402", script.toString()), tmp, 60);
    assertThat(lint.exitCode()).as(lint.output()).isZero();
  }

  private static String rb(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** rspec-puppet's expectations for one model: what its catalog must hold, from the model. */
  private static String spec(Setup setup) {
    var c = setup.codeRefresh();
    var d = setup.deployers();
    String mount = setup.service().mountPath();
    return String.join("\n",
        "require 'rspec-puppet'",
        "RSpec.configure do |config|",
        "  config.module_path = File.expand_path('../modules', __dir__)",
        "  config.manifest = File.expand_path('site.pp', __dir__)",
        "end",
        "describe 'profile::kubernetes::mediawiki_experimental' do",
        "  let(:pre_condition) { \"service { 'kubelet': }\" }",
        "  let(:facts) { { 'networking' => { 'fqdn' => 'wikikube-worker-exp1001.eqiad.wmnet' } } }",
        "  context 'switched on' do",
        "    let(:params) { { 'is_mw_experimental' => true, 'deployment_server' => 'deploy1003.eqiad.wmnet' } }",
        "    it { is_expected.to compile.with_all_deps }",
        "    it { is_expected.to contain_class('profile::mediawiki::system_users') }",
        "    it {",
        "      is_expected.to contain_file(" + rb(mount) + ").with(",
        "        'ensure' => 'directory', 'owner' => " + rb(d.user()) + ", 'group' => " + rb(d.group()) + ",",
        "        'mode' => " + rb(d.mountMode()) + ").that_comes_before('Service[kubelet]')",
        "    }",
        "    it {",
        "      is_expected.to contain_systemd__timer__job(" + rb(c.timerName()) + ").with(",
        "        'command' => " + rb(c.script()) + ", 'user' => 'root',",
        "        'interval' => { 'start' => 'OnUnitActiveSec', 'interval' => " + rb(c.interval()) + " },",
        "        'monitoring_enabled' => false, 'send_mail' => false)",
        "    }",
        "    it {",
        "      is_expected.to contain_file(" + rb(c.script()) + ").with(",
        "        'mode' => '0555',",
        "        'source' => 'puppet:///modules/profile/kubernetes/node/mw-experimental-mediawiki-image-update.py')",
        "    }",
        "    it {",
        "      is_expected.to contain_file('/etc/default/" + c.timerName() + "')",
        "        .with_content(/^MOUNT_PATH=" + mount.replace("/", "\\/") + "$/)",
        "        .with_content(/^LOCK_FILE=" + c.lockFile().replace("/", "\\/") + "$/)",
        "        .with_content(/^KEEP_DAYS=" + c.keepEditsDays() + "$/)",
        "        .with_content(/^KEEP_COUNT=" + c.keepEditsCount() + "$/)",
        "    }",
        "    it {",
        "      is_expected.to contain_rsync__quickdatacopy('releases').with('source_host' => 'deploy1003.eqiad.wmnet',",
        "        'module_path' => '/etc/helmfile-defaults/mediawiki/release', 'chown' => 'mwdeploy:deployment')",
        "        .that_requires('File[/etc/helmfile-defaults/mediawiki/release]')",
        "    }",
        "    # The release directory's parents: a worker has none of them until this class makes them.",
        "    it { is_expected.to contain_file('/etc/helmfile-defaults/mediawiki/release').that_requires('File[/etc/helmfile-defaults/mediawiki]') }",
        "    it { is_expected.to contain_file('/etc/helmfile-defaults/mediawiki').that_requires('File[/etc/helmfile-defaults]') }",
        "    it {",
        "      is_expected.to contain_file('/usr/local/sbin/fix-staging-perms').with(",
        "        'mode' => '0555', 'source' => 'puppet:///modules/profile/mediawiki/deployment/fix-staging-perms.sh')",
        "        .that_requires('File[/usr/local/etc/fix-staging-perms.sh]')",
        "    }",
        "    it { is_expected.to contain_file('/var/lib/mw-experimental/state').with('group' => 'deployment', 'mode' => '2775') }",
        "    it { is_expected.to contain_motd__script('mw-experimental-conflicts').with_priority(99) }",
        "    it {",
        "      File.write(File.expand_path('../../motd.sh', __dir__),",
        "        catalogue.resource('File', '/etc/update-motd.d/99-mw-experimental-tldr')[:content])",
        "    }",
        "    it { is_expected.to contain_file('/usr/local/etc/fix-staging-perms.sh').with_content(/deployment_dirs=\""
            + mount.replace("/", "\\/") + "\"/) }",
        c.parsoid() ? "    it { is_expected.to contain_git__clone('mediawiki/services/parsoid').with('directory' => '/srv/parsoid-testing',"
            + " 'branch' => 'master', 'owner' => 'root', 'group' => 'wikidev', 'shared' => true) }"
            : "    it { is_expected.not_to contain_git__clone('mediawiki/services/parsoid') }",
        "    it { is_expected.to contain_motd__message('mw-experimental-tldr').with_priority(99).with_message(/--lock/) }",
        "  end",
        "  context 'switched off' do",
        "    let(:params) { { 'is_mw_experimental' => false, 'deployment_server' => 'deploy1003.eqiad.wmnet' } }",
        "    it { is_expected.to compile.with_all_deps }",
        "    # Only the pre-condition's Service[kubelet]: the class itself declares nothing.",
        "    it { is_expected.to have_resource_count(1) }",
        "    it { is_expected.not_to contain_file(" + rb(mount) + ") }",
        "    it { is_expected.not_to contain_class('profile::mediawiki::system_users') }",
        "  end",
        "end",
        "");
  }

  @Test
  void rspecPuppetCompilesTheCatalogOfEachModel() throws Exception {
    RealClients.require("rspec");
    RealClients.require("puppet");
    int n = 0;
    List<String> failures = new ArrayList<>();
    // Each model on a host of its own (the last of its largest datacenter: a per-host backend and
    // a CNAME reaching another host, when it has several); the built-in one also on a host it lacks.
    List<Setup> setups = models();
    List<java.util.Map.Entry<Setup, String>> cases = new ArrayList<>();
    for (Setup setup : setups) {
      dev.mwexp.model.Datacenter largest = setup.sortedDatacenters().stream()
          .max(java.util.Comparator.comparingInt(dc -> dc.hosts().size())).orElseThrow();
      cases.add(java.util.Map.entry(setup, largest.sortedHosts().get(largest.sortedHosts().size() - 1)));
    }
    cases.add(java.util.Map.entry(setups.get(0), "wikikube-worker-exp4001.ulsfo.wmnet"));
    for (var c : cases) {
      Setup setup = c.getKey();
      String fqdn = c.getValue();
      Path root = modules(setup, "rspec" + n++);
      Path spec = Files.createDirectories(root.resolve("spec/classes"));
      Files.writeString(root.resolve("spec/site.pp"), "");
      Files.writeString(spec.resolve("mediawiki_experimental_spec.rb"), spec(setup).replace("'../modules'", "'../../modules'")
          .replace("'site.pp'", "'../site.pp'").replace("'fqdn' => 'wikikube-worker-exp1001.eqiad.wmnet'", "'fqdn' => " + rb(fqdn)));
      RealClients.Result r = RealClients.run(List.of("rspec", "--no-color", "spec/classes"), root, 300);
      if (r.exitCode() != 0 || !r.output().contains(" examples, 0 failures")) {
        failures.add(r.output());
        continue;
      }
      // The motd as a login prints it: motd::message's /bin/sh script, run.
      RealClients.Result motd = RealClients.run(List.of("/bin/sh", root.resolve("motd.sh").toString()), root, 30);
      if (motd.exitCode() != 0 || !motd.output().contains("edit MediaWiki in " + setup.service().mountPath() + ", then")
          || !motd.output().contains("Every " + setup.codeRefresh().interval() + " a new")
          || !motd.output().contains(setup.codeRefresh().editsDirectory() + "/<UTC time>/from-image/")) {
        failures.add("the motd as printed:\n" + motd.output());
      }
      // The host's own lines, exactly as `mwexp hosts` prints them; none on a host the model lacks.
      java.util.Optional<dev.mwexp.model.HostGuide> guide = dev.mwexp.model.HostGuide.of(setup).stream()
          .filter(g -> g.host().equals(fqdn)).findFirst();
      List<String> printed = motd.output().lines().toList();
      List<String> want = guide.map(g -> g.lines().stream().map(l -> "  " + l).toList()).orElse(List.of());
      int at = want.isEmpty() ? -1 : printed.indexOf(want.get(0));
      boolean shown = at >= 0 && at + want.size() <= printed.size() && printed.subList(at, at + want.size()).equals(want);
      if (guide.isPresent() ? !shown : motd.output().contains("X-Wikimedia-Debug:")) {
        failures.add("the motd's guide for " + fqdn + " (" + want + ") as printed:\n" + motd.output());
      }
    }
    assertThat(failures).isEmpty();
  }
}
