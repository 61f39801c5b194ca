# Stub of Wikimedia's motd::message for mwexp's rspec-puppet tests; no resources.
define motd::message (
    String $content,
    Integer[0, 99] $priority = 50,
    Wmflib::Ensure $ensure = present,
) {
}
