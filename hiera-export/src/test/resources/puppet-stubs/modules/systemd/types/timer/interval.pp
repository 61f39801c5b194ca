# Systemd::Timer::Interval as Wikimedia's systemd module types it (SIGNATURES): the span grammar Puppet accepts.
type Systemd::Timer::Interval = Pattern[/\A(\d+\s*(usec|[uμ]s|msec|ms|seconds?|sec|s|minutes?|min|m|hours?|hr|h|days?|d|weeks?|w|months?|M|years?|y)\s*)+\Z/]
