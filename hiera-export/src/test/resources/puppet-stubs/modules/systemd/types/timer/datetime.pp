# Systemd::Timer::Datetime as Wikimedia's systemd module types it (SIGNATURES).
type Systemd::Timer::Datetime = String
