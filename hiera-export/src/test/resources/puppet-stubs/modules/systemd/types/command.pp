# Systemd::Command as Wikimedia's systemd module types it (SIGNATURES).
type Systemd::Command = Stdlib::Unixpath
