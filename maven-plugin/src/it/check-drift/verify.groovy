def log = new File(basedir, 'build.log').text
// The spec moved the port to 4457; the checkouts still say 4456: a violation, and the sync diff.
assert log.contains('[ERROR] BACKEND k8s-mw-experimental-eqiad: expected mw-experimental.eqiad.wmnet:4457, found mw-experimental.eqiad.wmnet:4456')
assert log.contains('[ERROR] DRIFT -            ["k8s-mw-experimental-eqiad"]  = { host = "mw-experimental.eqiad.wmnet",      port = 4456 },')
assert log.contains('[ERROR] DRIFT +            ["k8s-mw-experimental-eqiad"]  = { host = "mw-experimental.eqiad.wmnet",      port = 4457 },')
assert log.contains('[ERROR] DRIFT +  public_port: 4457')
assert log.contains('run mvn mwexp:sync with the same checkouts')
true
