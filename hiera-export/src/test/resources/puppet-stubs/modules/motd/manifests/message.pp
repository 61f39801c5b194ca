# Stub of Wikimedia's motd::message, for mwexp's tests: the real parameter list (SIGNATURES), and
# the real behaviour in short: a motd::script whose /bin/sh prints the message inside "…".
define motd::message (
    Wmflib::Ensure                 $ensure   = present,
    String[1]                      $message  = $title,
    Integer[0, 99]                 $priority = 50,
    Optional[Wmflib::Ansi::Colour] $color    = undef,
) {
    motd::script { $title:
        ensure   => $ensure,
        priority => $priority,
        content  => "#!/bin/sh\nprintf \"%s\\n\" \"${message}\"\n",
    }
}
