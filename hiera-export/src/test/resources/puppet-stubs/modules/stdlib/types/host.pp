# Stdlib::Host as stdlib types it (SIGNATURES).
type Stdlib::Host = Variant[Stdlib::Fqdn, Stdlib::Compat::Ip_address]
