# Stub of wmflib's Wmflib::Team, narrowed to the team the class names (the real one lists every team).
type Wmflib::Team = Enum['ServiceOps', 'Observability']
