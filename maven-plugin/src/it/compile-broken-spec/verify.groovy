def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] ' + new File(basedir, 'src/main/mwexp/mw-experimental.yaml').getPath() + ':2:9: service.port: port 80 is outside the cluster\'s NodePort range 4000-4999')
assert log.contains(':5:13: datacenters.eqiad.hosts[0]: \'localhost\' is not valid here')
assert log.contains('2 problem(s) in the mwexp spec')
assert !new File(basedir, 'target/mwexp').exists()
true
