# Stdlib::HTTPSUrl as stdlib types it (SIGNATURES).
type Stdlib::HTTPSUrl = Pattern[/(?i:\Ahttps:\/\/.*\z)/]
