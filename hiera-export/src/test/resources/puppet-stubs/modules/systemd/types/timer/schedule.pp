# Stub of Wikimedia's Systemd::Timer::Schedule: which timer setting, and its value.
type Systemd::Timer::Schedule = Struct[{
    'start'    => Enum['OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec', 'OnCalendar'],
    'interval' => String[1],
}]
