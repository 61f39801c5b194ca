# Wmflib::Ansi::Colour as wmflib types it (SIGNATURES).
type Wmflib::Ansi::Colour = Enum['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']
