# Stub of Wikimedia's rsync::quickdatacopy, for mwexp's tests: the real parameter list
# (SIGNATURES) and its title check; no resources.
define rsync::quickdatacopy(
  Stdlib::Fqdn $source_host,
  Variant[
      Stdlib::Host,
      Array[Stdlib::Host, 1]] $dest_host,
  Stdlib::Unixpath $module_path,
  Optional[Stdlib::Unixpath] $file_path = undef,
  Boolean $auto_sync = true,
  Wmflib::Ensure $ensure = present,
  Optional[Integer] $bwlimit = undef,
  Optional[String] $exclude = undef,
  Optional[Boolean] $delete = false,
  Boolean $server_uses_stunnel = false,
  Optional[String] $chown = undef,
  Optional[Boolean] $progress = false,
  Variant[
      Systemd::Timer::Schedule,
      Array[Systemd::Timer::Schedule, 1]] $auto_interval = {'start' => 'OnCalendar', 'interval' => '*-*-* *:00/10:00'},
  Boolean $ignore_missing_file_errors = false,
) {
    if ($title =~ /\s/) {
        fail('the title of rsync::quickdatacopy must not include whitespace')
    }
}
