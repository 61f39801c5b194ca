# Systemd::Timer::Start as Wikimedia's systemd module types it (SIGNATURES).
type Systemd::Timer::Start = Enum['OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec', 'OnCalendar']
