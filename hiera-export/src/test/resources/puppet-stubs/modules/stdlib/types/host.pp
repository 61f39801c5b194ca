# Stub of stdlib's Stdlib::Host, narrowed to what the tests need.
type Stdlib::Host = Pattern[/\A[a-z0-9.-]+\z/]
