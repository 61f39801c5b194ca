# Systemd::Input as Wikimedia's systemd module types it (SIGNATURES).
type Systemd::Input = Variant[Enum['null', 'tty', 'tty-force', 'tty-fail', 'data', 'socket'], Pattern[/(file|fd)(:[^\W]+)?/]]
