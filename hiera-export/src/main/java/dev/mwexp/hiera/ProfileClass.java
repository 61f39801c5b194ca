package dev.mwexp.hiera;

import java.util.List;
import dev.mwexp.model.Setup;

/**
 * {@code profile::kubernetes::mediawiki_experimental}, the host side of mw-experimental, as a file
 * mwexp owns: the same name, switch and inclusion as Wikimedia's class, every value the model sets
 * as a typed parameter whose {@code lookup()} default is the model's, so host hiera carries only
 * what differs. Strings come from validated model values (paths, names, a systemd time span), and
 * are single-quoted for Puppet all the same.
 */
final class ProfileClass {

  static final String PATH = "modules/profile/manifests/kubernetes/mediawiki_experimental.pp";
  static final String SCRIPT_SOURCE = "modules/profile/files/kubernetes/node/mw-experimental-mediawiki-image-update.py";
  static final String SCRIPT_URL = "puppet:///modules/profile/kubernetes/node/mw-experimental-mediawiki-image-update.py";
  /** The refresh's manifest, journal and lock: group-writable, so the deployment group may --lock. */
  static final String STATE_DIR = "/var/lib/mw-experimental/state";
  private static final String KEY = "profile::kubernetes::mediawiki_experimental::";

  private ProfileClass() {}

  static String pp(Setup setup) {
    var c = setup.codeRefresh();
    var d = setup.deployers();
    String release = setup.service().name() + "-" + setup.service().release() + ".yaml";
    // Sized for the whole class at once (about 13 KB with two datacenters): growing from 16 chars
    // copied it a dozen times on every compile.
    StringBuilder p = new StringBuilder(16_384);
    p.append("# SPDX-License-Identifier: Apache-2.0\n");
    p.append("# Written by mwexp from the mw-experimental spec; edit the spec, not this file.\n");
    p.append("# @summary The host side of mw-experimental: the code directory engineers edit, kept in\n");
    p.append("#   step with the newest production image by a timer that merges it in and keeps their edits.\n");
    p.append("# @param is_mw_experimental whether this host is a dedicated mw-experimental worker\n");
    p.append("# @param deployment_server where the release files come from\n");
    p.append("# @param general_dir helmfile's defaults directory, holding mediawiki/release\n");
    p.append("# @param deployment_group the group of the engineers who edit the code\n");
    p.append("# @param mount_path the code directory the pods mount from the host\n");
    p.append("# @param owner owner of the code directory\n");
    p.append("# @param group group of the code directory\n");
    p.append("# @param mode mode of the code directory\n");
    p.append("# @param release_file scap's release file naming the image, under mediawiki/release\n");
    p.append("# @param refresh_interval how long after a refresh the timer runs it again (OnUnitActiveSec)\n");
    p.append("# @param lock_file while it exists, refreshes leave the code alone\n");
    p.append("# @param edits_dir where each refresh keeps the edits it would otherwise replace\n");
    p.append("# @param keep_edits_days saved edits older than this are pruned\n");
    p.append("# @param keep_edits_count at most this many saved edits are kept\n");
    p.append("# @param parsoid whether the host also serves mw-parsoid, which reads a parsoid clone\n");
    p.append("class profile::kubernetes::mediawiki_experimental (\n");
    param(p, "Boolean", "is_mw_experimental", d.switchKey(), "false");
    p.append("    Stdlib::Host $deployment_server = lookup('deployment_server'),\n");
    param(p, "Stdlib::Unixpath", "general_dir", "profile::kubernetes::deployment_server::global_config::general_dir",
        q("/etc/helmfile-defaults"));
    param(p, "String", "deployment_group", "deployment_group", q(d.deploymentGroup()));
    param(p, "Stdlib::Unixpath", "mount_path", KEY + "mount_path", q(setup.service().mountPath()));
    param(p, "String", "owner", KEY + "owner", q(d.user()));
    param(p, "String", "group", KEY + "group", q(d.group()));
    param(p, "Stdlib::Filemode", "mode", KEY + "mode", q(d.mountMode()));
    param(p, "String", "release_file", KEY + "release_file", q(release));
    param(p, "String", "refresh_interval", KEY + "refresh_interval", q(c.interval()));
    param(p, "Stdlib::Unixpath", "lock_file", KEY + "lock_file", q(c.lockFile()));
    param(p, "Stdlib::Unixpath", "edits_dir", KEY + "edits_dir", q(c.editsDirectory()));
    param(p, "Integer[1]", "keep_edits_days", KEY + "keep_edits_days", String.valueOf(c.keepEditsDays()));
    param(p, "Integer[1]", "keep_edits_count", KEY + "keep_edits_count", String.valueOf(c.keepEditsCount()));
    param(p, "Boolean", "parsoid", KEY + "parsoid", String.valueOf(c.parsoid()));
    p.setLength(p.length() - 2);
    p.append("\n) {\n");
    p.append("    if $is_mw_experimental {\n");
    p.append("        require profile::mediawiki::system_users\n\n");
    p.append("        # The code the pods mount from the host; there before kubelet starts them.\n");
    p.append("        file { $mount_path:\n");
    p.append("            ensure => directory,\n");
    p.append("            owner  => $owner,\n");
    p.append("            group  => $group,\n");
    p.append("            mode   => $mode,\n");
    p.append("            before => Service['kubelet'],\n");
    p.append("        }\n\n");
    p.append("        # scap's release files, which name the newest image, synced from the deployment\n");
    p.append("        # server into a directory whose parents exist on a worker only if made here.\n");
    p.append("        $release_dir = \"${general_dir}/mediawiki/release\"\n");
    p.append("        file { $general_dir:\n");
    p.append("            ensure => directory,\n");
    p.append("            mode   => '0775',\n");
    p.append("        }\n");
    p.append("        file { \"${general_dir}/mediawiki\":\n");
    p.append("            ensure  => directory,\n");
    p.append("            mode    => '0775',\n");
    p.append("            require => File[$general_dir],\n");
    p.append("        }\n");
    p.append("        file { $release_dir:\n");
    p.append("            ensure  => directory,\n");
    p.append("            owner   => 'mwdeploy',\n");
    p.append("            group   => $deployment_group,\n");
    p.append("            mode    => '2775',\n");
    p.append("            require => File[\"${general_dir}/mediawiki\"],\n");
    p.append("        }\n");
    p.append("        rsync::quickdatacopy { 'releases':\n");
    p.append("            ensure      => present,\n");
    p.append("            auto_sync   => true,\n");
    p.append("            source_host => $deployment_server,\n");
    p.append("            dest_host   => $facts['networking']['fqdn'],\n");
    p.append("            module_path => $release_dir,\n");
    p.append("            chown       => \"mwdeploy:${deployment_group}\",\n");
    p.append("            require     => File[$release_dir],\n");
    p.append("        }\n\n");
    p.append("        # The deployment group's command to make the code group-writable again.\n");
    p.append("        file { '/usr/local/etc/fix-staging-perms.sh':\n");
    p.append("            ensure  => file,\n");
    p.append("            owner   => 'root',\n");
    p.append("            group   => 'root',\n");
    p.append("            mode    => '0444',\n");
    p.append("            content => \"deployment_group=\\\"${deployment_group}\\\"\\ndeployment_dirs=\\\"${mount_path}\\\"\\n\",\n");
    p.append("        }\n");
    p.append("        file { '/usr/local/sbin/fix-staging-perms':\n");
    p.append("            ensure  => file,\n");
    p.append("            owner   => 'root',\n");
    p.append("            group   => 'root',\n");
    p.append("            mode    => '0555',\n");
    p.append("            source  => 'puppet:///modules/profile/mediawiki/deployment/fix-staging-perms.sh',\n");
    p.append("            require => File['/usr/local/etc/fix-staging-perms.sh'],\n");
    p.append("        }\n\n");
    p.append("        # The refresh's state, lock and saved edits: the deployment group may --lock and\n");
    p.append("        # --unlock without root, so the directories are theirs and not sticky.\n");
    p.append("        file { ['/var/lib/mw-experimental', '").append(STATE_DIR).append("', $edits_dir]:\n");
    p.append("            ensure => directory,\n");
    p.append("            owner  => 'root',\n");
    p.append("            group  => $deployment_group,\n");
    p.append("            mode   => '2775',\n");
    p.append("        }\n");
    p.append("        # The refresh and what it reads: KEY=value settings, never run as code.\n");
    p.append("        file { '/etc/default/").append(c.timerName()).append("':\n");
    p.append("            ensure  => file,\n");
    p.append("            owner   => 'root',\n");
    p.append("            group   => 'root',\n");
    p.append("            mode    => '0444',\n");
    p.append("            content => join([\n");
    p.append("                \"MOUNT_PATH=${mount_path}\",\n");
    p.append("                \"RELEASE_FILE=${release_dir}/${release_file}\",\n");
    p.append("                \"LOCK_FILE=${lock_file}\",\n");
    p.append("                \"EDITS_DIR=${edits_dir}\",\n");
    p.append("                '").append("STATE_DIR=" + STATE_DIR).append("',\n");
    p.append("                \"KEEP_DAYS=${keep_edits_days}\",\n");
    p.append("                \"KEEP_COUNT=${keep_edits_count}\",\n");
    p.append("                \"OWNER=${owner}\",\n");
    p.append("                \"GROUP=${group}\",\n");
    p.append("                '', # a final newline\n");
    p.append("            ], \"\\n\"),\n");
    p.append("        }\n");
    p.append("        file { '").append(c.script()).append("':\n");
    p.append("            ensure => file,\n");
    p.append("            owner  => 'root',\n");
    p.append("            group  => 'root',\n");
    p.append("            mode   => '0555',\n");
    p.append("            source => '").append(SCRIPT_URL).append("',\n");
    p.append("        }\n");
    p.append("        # Without -f: a refresh merges only a new image in, and keeps engineers' edits.\n");
    p.append("        systemd::timer::job { '").append(c.timerName()).append("':\n");
    p.append("            ensure             => ").append(c.enabled() ? "present" : "absent").append(",\n");
    p.append("            description        => 'Merge the newest MediaWiki image into the code engineers edit',\n");
    p.append("            command            => '").append(c.script()).append("',\n");
    p.append("            user               => 'root',\n");
    p.append("            team               => 'ServiceOps',\n");
    p.append("            interval           => { 'start' => 'OnUnitActiveSec', 'interval' => $refresh_interval },\n");
    // Said, not left to the defaults: a failed refresh on a host that may be broken on purpose
    // must page and mail nobody, whatever systemd::timer::job's defaults become.
    p.append("            monitoring_enabled => false,\n");
    p.append("            send_mail          => false,\n");
    p.append("            require            => [\n");
    p.append("                File['").append(c.script()).append("'],\n");
    p.append("                File['/etc/default/").append(c.timerName()).append("'],\n");
    p.append("            ],\n");
    p.append("        }\n\n");
    p.append("        if $parsoid {\n");
    p.append("            # mw-parsoid's pods on these hosts mount this clone.\n");
    p.append("            git::clone { 'mediawiki/services/parsoid':\n");
    p.append("                ensure    => present,\n");
    p.append("                branch    => 'master',\n");
    p.append("                owner     => 'root',\n");
    p.append("                group     => 'wikidev',\n");
    p.append("                directory => '/srv/parsoid-testing',\n");
    p.append("                shared    => true,\n");
    p.append("            }\n");
    p.append("        }\n\n");
    // The same lines `mwexp hosts` prints (HostGuide), made from the host's datacenter's entry
    // and its own name: the class grows with the datacenters, not the hosts, and every host's
    // catalog carries its own datacenter's line only.
    p.append("        # What `mwexp hosts` prints for this host: the X-Wikimedia-Debug values that reach it,\n");
    p.append("        # how to log in and lock its code, its metrics and its logs; {host} and {fqdn} are its own.\n");
    p.append("        # lint:ignore:140chars\n");
    p.append("        $datacenter_guides = {\n");
    List<dev.mwexp.model.HostGuide.Shared> guides = dev.mwexp.model.HostGuide.Shared.of(setup);
    // puppet-lint aligns a hash's arrows.
    int keyWidth = guides.stream().mapToInt(g -> q(g.datacenter()).length()).max().orElse(0);
    for (dev.mwexp.model.HostGuide.Shared g : guides) {
      p.append("            ").append(q(g.datacenter())).append(" ".repeat(keyWidth - q(g.datacenter()).length()))
          .append(" => {\n");
      p.append("                'per_host_backend' => ").append(g.perHostBackend()).append(",\n");
      p.append("                'backend'          => ").append(q(g.backend())).append(",\n");
      p.append("                'reaches'          => ").append(q(g.reaches())).append(",\n");
      p.append("                'metrics'          => ").append(q(g.grafanaUrl())).append(",\n");
      p.append("                'logs'             => ").append(q(g.logstashUrl())).append(",\n");
      p.append("            },\n");
    }
    p.append("        }\n");
    p.append("        $fqdn = $facts['networking']['fqdn']\n");
    p.append("        $labels = split($fqdn, '[.]')\n");
    p.append("        $lock_line = ").append(q("  lock:      " + c.script() + " --lock")).append("\n");
    p.append("        $host_guide = $datacenter_guides[$labels[1]].then |$g| {\n");
    p.append("            $own = if $g['per_host_backend'] { [\"  X-Wikimedia-Debug: backend=${fqdn}\"] } else { [] }\n");
    p.append("            $reaches = if $g['reaches'] == $fqdn { '' } else { \"  (the datacenter's; it reaches ${g['reaches']})\" }\n");
    p.append("            $own + [\n");
    p.append("                \"  X-Wikimedia-Debug: backend=${g['backend']}${reaches}\",\n");
    p.append("                \"  ssh:       ssh ${fqdn}\",\n");
    p.append("                $lock_line,\n");
    p.append("                \"  metrics:   ${g['metrics'].regsubst('\\{host\\}', $labels[0], 'G').regsubst('\\{fqdn\\}', $fqdn, 'G')}\",\n");
    p.append("                \"  logs:      ${g['logs'].regsubst('\\{host\\}', $labels[0], 'G').regsubst('\\{fqdn\\}', $fqdn, 'G')}\",\n");
    p.append("            ]\n");
    p.append("        }.lest || { [] }\n");
    p.append("        # lint:endignore\n");
    // ASCII only, like every line here: one character beyond Latin-1 made the whole class a
    // UTF-16 string, slower to build, hash and write on every compile.
    p.append("        # motd::message prints its message with printf inside double quotes in /bin/sh: the values\n");
    p.append("        # are interpolated here, and the text holds no $, `, \" or \\ for the shell to read.\n");
    p.append("        motd::message { 'mw-experimental-tldr':\n");
    p.append("            ensure   => present,\n");
    p.append("            priority => 99,\n");
    p.append("            message  => join([\n");
    p.append("                '',\n");
    p.append("                \"This is an mw-experimental host: edit MediaWiki in ${mount_path}, then pick this host with\",\n");
    p.append("                \"X-Wikimedia-Debug. Every ${refresh_interval} a new production image is merged in: files you\",\n");
    p.append("                'edited stay as you left them; where the image changed them too, its version is saved in',\n");
    p.append("                \"${edits_dir}/<UTC time>/from-image/.\",\n");
    p.append("                '  sudo ").append(c.script()).append("          merge the newest image in now',\n");
    p.append("                '  sudo ").append(c.script()).append(" --reset  the image exactly (edits saved)',\n");
    p.append("                '  ").append(c.script()).append(" --lock    keep the code as it is',\n");
    p.append("                '  ").append(c.script()).append(" --unlock  let refreshes resume',\n");
    p.append("                '',\n");
    p.append("            ] + $host_guide + [''], \"\\n\"),\n");
    p.append("        }\n");
    p.append("        # The files the last refresh left edited where the image changed them too.\n");
    p.append("        motd::script { 'mw-experimental-conflicts':\n");
    p.append("            ensure   => present,\n");
    p.append("            priority => 99,\n");
    p.append("            content  => join([\n");
    for (String line : conflictsMotd(STATE_DIR)) {
      p.append("                ").append(q(line)).append(",\n");
    }
    p.append("            ], \"\\n\"),\n");
    p.append("        }\n");
    p.append("    }\n");
    p.append("}\n");
    return p.toString();
  }

  /** The motd script naming the files the last refresh left edited where the image changed them too. */
  static java.util.List<String> conflictsMotd(String stateDir) {
    return java.util.List.of(
        "#!/bin/sh",
        "f=" + stateDir + "/conflicts",
        "[ -s \"$f\" ] || exit 0",
        "echo \"mw-experimental: edited here and changed by the image (your version kept):\"",
        "head -n 20 \"$f\" | sed \"s/^/  /\"",
        "");
  }

  private static void param(StringBuilder p, String type, String name, String key, String defaultValue) {
    String head = "    " + type + " $" + name + " = lookup('" + key + "',";
    String tail = "{'default_value' => " + defaultValue + "}),\n";
    // puppet-lint's 140chars: a long key puts the default on its own line.
    p.append(head).append(head.length() + tail.length() > 130 ? "\n        " : " ").append(tail);
  }

  /** A single-quoted Puppet string. */
  static String q(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
