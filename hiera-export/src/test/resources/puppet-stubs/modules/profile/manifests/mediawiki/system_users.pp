# Stub of Wikimedia's profile::mediawiki::system_users: the mwdeploy user and group.
class profile::mediawiki::system_users {
    group { 'mwdeploy': ensure => present, system => true }
    user { 'mwdeploy': ensure => present, system => true, home => '/var/lib/mwdeploy', shell => '/bin/bash' }
}
