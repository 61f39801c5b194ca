# Stub of stdlib's Stdlib::Compat::Ip_address, narrowed to dotted IPv4 (the real one is a function-backed check).
type Stdlib::Compat::Ip_address = Pattern[/\A\d{1,3}(\.\d{1,3}){3}\z/]
