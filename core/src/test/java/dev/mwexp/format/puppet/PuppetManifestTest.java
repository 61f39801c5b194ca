package dev.mwexp.format.puppet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.fragment.MergeConflict;
import org.junit.jupiter.api.Test;

/** The Puppet reader on the profile class's constructs, shaped like operations/puppet's. */
class PuppetManifestTest {

  static final String CLASS = """
      class profile::kubernetes::mediawiki_experimental (
          Boolean $is_mw_experimental = lookup('profile::kubernetes::node::mw_experimental', {'default_value' => false}),
          Stdlib::Unixpath $general_dir = lookup('profile::kubernetes::deployment_server::global_config::general_dir',
              {'default_value' => '/etc/helmfile-defaults'}),
          String $owner = 'mwdeploy',
      ) {
          if $is_mw_experimental {
              $message = @("MOTD"/L)
                  Edit MediaWiki in /srv/mediawiki { not a brace } 'not a string
                  |- MOTD
              file { '/srv/mediawiki':
                  ensure   => 'directory',
                  owner    => $owner,
                  group    => 'deployment',
                  mode     => '2775',
                  before   => Service['kubelet'],
              }
              /* file { '/not/a/resource': ensure => directory } */
              if $facts['hostname'] =~ /^wikikube-worker-exp\\d{4}$/ { notice('x') }
              motd::message { 'mw-experimental':
                  priority => 50,
                  message  => $message,
              }
          }
      }
      """;

  @Test
  void resourcesParametersAndHeredocs() throws Exception {
    PuppetManifest m = PuppetManifest.read(CLASS);
    assertThat(m.parameterDefault("general_dir").orElseThrow().text()).isEqualTo("/etc/helmfile-defaults");
    assertThat(m.parameterDefault("owner").orElseThrow().text()).isEqualTo("mwdeploy");
    assertThat(m.parameterDefault("is_mw_experimental").orElseThrow().text()).isEqualTo("false");
    assertThat(m.resources()).extracting(r -> r.type() + " " + r.title().text() + " " + r.line() + " " + r.attributes().keySet())
        .containsExactly("file /srv/mediawiki 11 [ensure, owner, group, mode]",
            "motd::message mw-experimental 20 [priority, message]");
    assertThat(m.resources().get(0).attributes().get("ensure").text()).isEqualTo("directory");
    assertThat(m.resources().get(0).attributes().get("owner").isVariable()).isTrue();
    assertThat(m.resources().get(0).attributes().get("mode").line()).isEqualTo(15);
  }

  @Test
  void aLargeManifestIsReadInOnePass() throws Exception {
    // 510 KB of resources: read in linear time (a backtracking regex took minutes on this).
    StringBuilder big = new StringBuilder("class big {\n");
    for (int i = 0; big.length() < 510_000; i++) {
      big.append("  file { '/srv/f").append(i).append("': ensure => file, mode => '0644', content => \"x${i}\" }\n");
    }
    big.append("}\n");
    assertThat(PuppetManifest.read(big.toString()).resources()).hasSizeGreaterThan(5000);
  }

  @Test
  void brokenStructureIsAPositionedConflict() {
    assertThatThrownBy(() -> PuppetManifest.read("class a {\n  file { 'x':\n    ensure => 'open\n")).isInstanceOf(MergeConflict.class)
        .hasMessage("line 3: a string opened here is never closed");
    assertThatThrownBy(() -> PuppetManifest.read("node /^a\\./ {\n  role(x)\n")).isInstanceOf(MergeConflict.class)
        .hasMessage("line 1: '{' opened here is never closed");
    assertThatThrownBy(() -> PuppetManifest.read("$m = @(END)\nnever ended\n")).isInstanceOf(MergeConflict.class)
        .hasMessage("line 2: the heredoc END is never ended");
  }
}
