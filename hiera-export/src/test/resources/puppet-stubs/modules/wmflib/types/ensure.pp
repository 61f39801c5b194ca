# Wmflib::Ensure as wmflib types it (SIGNATURES).
type Wmflib::Ensure = Enum['present', 'absent']
