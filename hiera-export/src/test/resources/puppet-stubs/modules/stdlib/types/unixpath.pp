# Stdlib::Unixpath as stdlib types it (SIGNATURES).
type Stdlib::Unixpath = Pattern[/\A\/([^\n\/\0]+\/*)*\z/]
