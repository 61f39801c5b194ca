# Stub of Wikimedia's profile::mediawiki::system_users, for mwexp's tests: the real parameter list
# (SIGNATURES); of its resources, the mwdeploy user and group the code directory is owned by.
class profile::mediawiki::system_users(Wmflib::Ensure $ensure = lookup('profile::mediawiki::system_users::ensure', {'default_value' => 'present'})) {
    group { 'mwdeploy': ensure => $ensure, system => true }
    user { 'mwdeploy': ensure => $ensure, gid => 'mwdeploy', system => true, home => '/var/lib/mwdeploy', shell => '/bin/bash' }
}
