def out = new File(basedir, 'target/mwexp')
assert new File(out, '.mwexp-manifest').isFile()
['hiera.yaml', 'hieradata/hosts/wikikube-worker-exp1001.eqiad.wmnet.yaml', 'k8s/eqiad/deployment.yaml',
 'k8s/codfw/service.yaml', 'helmfile.d/services/mw-experimental/values-eqiad.yaml',
 'ats/x-wikimedia-debug-routing.lua', 'dns/wmnet'].each { assert new File(out, it).isFile() : it }
assert new File(out, 'k8s/eqiad/service.yaml').text.contains('nodePort: 4456')
def log = new File(basedir, 'build.log').text
assert log.contains('mwexp: wrote 19 files to ')
assert log.indexOf('mwexp: wrote ') < log.indexOf('is up to date (spec, formats and plugin unchanged)')
true
