# Stub of Wikimedia's rsync::quickdatacopy for mwexp's rspec-puppet tests; no resources.
define rsync::quickdatacopy (
    Stdlib::Host $source_host,
    Stdlib::Host $dest_host,
    Stdlib::Unixpath $module_path,
    Wmflib::Ensure $ensure = present,
    Boolean $auto_sync = true,
    Optional[String] $chown = undef,
) {
}
