# Stub of Wikimedia's motd::script, for mwexp's tests: the real parameter list (SIGNATURES); the
# script lands in /etc/update-motd.d/<priority>-<title>, as the real one puts it.
define motd::script (
    Wmflib::Ensure $ensure    = present,
    Integer[0, 99] $priority  = 50,
    Optional[String] $content = undef,
    Optional[String] $source  = undef,
) {
    $safe_name = regsubst($title, '[\W_]', '-', 'G')
    file { sprintf('/etc/update-motd.d/%02d-%s', $priority, $safe_name):
        ensure  => $ensure,
        content => $content,
        source  => $source,
        mode    => '0555',
    }
}
