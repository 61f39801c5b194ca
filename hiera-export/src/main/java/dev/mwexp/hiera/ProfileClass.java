package dev.mwexp.hiera;

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
  static final String SCRIPT_SOURCE = "modules/profile/files/kubernetes/node/mw-experimental-mediawiki-image-update.sh";
  private static final String KEY = "profile::kubernetes::mediawiki_experimental::";

  private ProfileClass() {}

  static String pp(Setup setup) {
    var c = setup.codeRefresh();
    var d = setup.deployers();
    String release = setup.service().name() + "-" + setup.service().release() + ".yaml";
    StringBuilder p = new StringBuilder();
    p.append("# SPDX-License-Identifier: Apache-2.0\n");
    p.append("# Written by mwexp from the mw-experimental spec; edit the spec, not this file.\n");
    p.append("# @summary The host side of mw-experimental: the code directory engineers edit, kept in\n");
    p.append("#   step with the newest production image by a timer that saves their edits first.\n");
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
    p.append("        include profile::mediawiki::system_users\n\n");
    p.append("        # The code the pods mount from the host; there before kubelet starts them.\n");
    p.append("        file { $mount_path:\n");
    p.append("            ensure  => directory,\n");
    p.append("            owner   => $owner,\n");
    p.append("            group   => $group,\n");
    p.append("            mode    => $mode,\n");
    p.append("            before  => Service['kubelet'],\n");
    p.append("            require => Class['profile::mediawiki::system_users'],\n");
    p.append("        }\n\n");
    p.append("        # scap's release files, which name the newest image.\n");
    p.append("        file { \"${general_dir}/mediawiki/release\":\n");
    p.append("            ensure => directory,\n");
    p.append("            owner  => 'mwdeploy',\n");
    p.append("            group  => $deployment_group,\n");
    p.append("            mode   => '2775',\n");
    p.append("        }\n");
    p.append("        rsync::quickdatacopy { 'releases':\n");
    p.append("            ensure      => present,\n");
    p.append("            source_host => $deployment_server,\n");
    p.append("            dest_host   => $facts['networking']['fqdn'],\n");
    p.append("            auto_sync   => true,\n");
    p.append("            module_path => \"${general_dir}/mediawiki/release\",\n");
    p.append("            chown       => \"mwdeploy:${deployment_group}\",\n");
    p.append("        }\n\n");
    p.append("        # Engineers of the deployment group may edit what the refresh writes.\n");
    p.append("        file { '/usr/local/etc/fix-staging-perms.sh':\n");
    p.append("            ensure  => file,\n");
    p.append("            owner   => 'root',\n");
    p.append("            group   => 'root',\n");
    p.append("            mode    => '0444',\n");
    p.append("            content => \"deployment_group=\\\"${deployment_group}\\\"\\ndeployment_dirs=\\\"${mount_path}\\\"\\n\",\n");
    p.append("        }\n\n");
    p.append("        # The refresh and what it reads: KEY=value settings, never sourced as shell.\n");
    p.append("        file { '/etc/default/").append(c.timerName()).append("':\n");
    p.append("            ensure  => file,\n");
    p.append("            owner   => 'root',\n");
    p.append("            group   => 'root',\n");
    p.append("            mode    => '0444',\n");
    p.append("            content => join([\n");
    p.append("                \"MOUNT_PATH=${mount_path}\",\n");
    p.append("                \"RELEASE_FILE=${general_dir}/mediawiki/release/${release_file}\",\n");
    p.append("                \"LOCK_FILE=${lock_file}\",\n");
    p.append("                \"EDITS_DIR=${edits_dir}\",\n");
    p.append("                '").append("STATE_DIR=/var/lib/mw-experimental/state").append("',\n");
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
    p.append("            source => 'puppet:///modules/profile/kubernetes/node/mw-experimental-mediawiki-image-update.sh',\n");
    p.append("        }\n");
    p.append("        systemd::timer::job { '").append(c.timerName()).append("':\n");
    p.append("            ensure      => ").append(c.enabled() ? "present" : "absent").append(",\n");
    p.append("            description => 'Refresh mw-experimental code from the newest MediaWiki image, saving edits first',\n");
    p.append("            command     => '").append(c.script()).append(" -f',\n");
    p.append("            user        => 'root',\n");
    p.append("            team        => 'ServiceOps',\n");
    p.append("            interval    => { 'start' => 'OnUnitActiveSec', 'interval' => $refresh_interval },\n");
    p.append("            require     => File['").append(c.script()).append("'],\n");
    p.append("        }\n\n");
    p.append("        if $parsoid {\n");
    p.append("            git::clone { 'mediawiki/services/parsoid':\n");
    p.append("                ensure    => present,\n");
    p.append("                directory => '/srv/parsoid-testing',\n");
    p.append("                owner     => $owner,\n");
    p.append("                group     => $group,\n");
    p.append("            }\n");
    p.append("        }\n\n");
    p.append("        motd::message { 'mw-experimental':\n");
    p.append("            priority => 50,\n");
    p.append("            content  => @(MOTD/L)\n");
    p.append("                This is an mw-experimental host: edit MediaWiki in ${mount_path}, then pick this host with\n");
    p.append("                X-Wikimedia-Debug. Every ${refresh_interval} the code is refreshed from the newest image.\n");
    p.append("                  sudo ").append(c.script()).append(" -f        refresh now\n");
    p.append("                  sudo ").append(c.script()).append(" --lock    keep your edits in place\n");
    p.append("                  sudo ").append(c.script()).append(" --unlock  let refreshes resume\n");
    p.append("                Edits a refresh replaced are kept in ${edits_dir}/<UTC time>/.\n");
    p.append("                |- MOTD\n");
    p.append("        }\n");
    p.append("    }\n");
    p.append("}\n");
    return p.toString();
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
