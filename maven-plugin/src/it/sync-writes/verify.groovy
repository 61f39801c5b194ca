import java.nio.file.*
def log = new File(basedir, 'build.log').text
def repos = basedir.toPath().resolve('target/repos')
def fixtures = basedir.toPath().resolve('../../../../fixtures/real-repos').normalize()
assert log.contains('[INFO] mwexp: wrote puppet/hieradata/hosts/wikikube-worker-exp1002.yaml')
// The profile class's table of host guides (the motd's) gains the new host.
assert log.contains('mwexp: 6 file(s) changed')
assert Files.readString(repos.resolve('puppet/manifests/site.pp')).contains('node /^wikikube-worker-exp1002\\.eqiad\\./ {')
// What mw-experimental does not own is byte for byte what it was, links included.
['puppet/hieradata/hosts/wikikube-worker1001.yaml', 'puppet/hieradata/hosts/mwdebug1001.yaml', 'dns/templates/wmnet',
 'deployment-charts/helmfile.d/services/mw-experimental/values.yaml',
 'deployment-charts/helmfile.d/services/mw-experimental/values-codfw.yaml'].each {
  assert Files.readString(repos.resolve(it)) == Files.readString(fixtures.resolve(it)) : it
}
assert Files.isSymbolicLink(repos.resolve('deployment-charts/helmfile.d/services/mw-experimental/global.yaml'))
true
