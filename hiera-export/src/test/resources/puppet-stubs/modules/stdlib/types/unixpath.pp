# Stub of stdlib's Stdlib::Unixpath.
type Stdlib::Unixpath = Pattern[/\A\/([^\n\/\0]+\/*)*\z/]
