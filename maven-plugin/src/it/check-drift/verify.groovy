def log = new File(basedir, 'build.log').text
// The committed Service's nodePort drifted from the spec: a routing violation and the drift.
assert log.contains('[ERROR] PORT k8s-mw-experimental-eqiad: expected nodePort 4456, found nodePort 4457')
assert log.contains('[ERROR] DRIFT k8s: eqiad/service.yaml /spec/ports/0/nodePort: expected 4456, found 4457')
assert log.contains('mwexp: 2 routing violation(s), 1 difference(s) from the spec')
true
