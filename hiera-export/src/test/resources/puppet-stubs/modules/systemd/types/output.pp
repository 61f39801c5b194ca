# Systemd::Output as Wikimedia's systemd module types it (SIGNATURES).
type Systemd::Output = Variant[Enum['inherit', 'null', 'tty', 'journal', 'kmsg', 'journal+console', 'kmsg+console', 'socket'], Pattern[/(file|append|truncate|fd)(:[^\W]+)?/]]
