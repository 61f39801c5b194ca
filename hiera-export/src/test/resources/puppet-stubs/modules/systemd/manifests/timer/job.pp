# Stub of Wikimedia's systemd::timer::job for mwexp's rspec-puppet tests: the parameters the
# mw-experimental class uses, with Wikimedia's names and types; no resources.
define systemd::timer::job (
    String $description,
    String $command,
    String $user,
    Variant[Systemd::Timer::Schedule, Array[Systemd::Timer::Schedule, 1]] $interval,
    Wmflib::Ensure $ensure = present,
    Optional[String] $team = undef,
    Hash[String, String] $environment = {},
) {
}
