# Stub of Wikimedia's git::clone for mwexp's rspec-puppet tests; no resources.
define git::clone (
    Stdlib::Unixpath $directory,
    Wmflib::Ensure $ensure = present,
    String $owner = 'root',
    String $group = 'root',
    String $branch = '',
) {
}
