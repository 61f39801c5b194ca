# Stub of Wikimedia's Wmflib::Ensure.
type Wmflib::Ensure = Enum['present', 'absent']
