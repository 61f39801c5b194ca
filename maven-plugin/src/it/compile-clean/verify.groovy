def out = new File(basedir, 'target/mwexp')
assert new File(out, '.mwexp-manifest').isFile()
['puppet/hieradata/hosts/wikikube-worker-exp1001.yaml', 'puppet/manifests/site.pp',
 'puppet/modules/profile/files/trafficserver/x-wikimedia-debug-routing.lua',
 'deployment-charts/helmfile.d/services/mw-experimental/values.yaml',
 'deployment-charts/helmfile.d/services/mw-experimental/values-eqiad.yaml',
 'puppet/modules/profile/manifests/kubernetes/mediawiki_experimental.pp',
 'dns/templates/wmnet', 'mediawiki-config/debug.json'].each { assert new File(out, it).isFile() : it }
assert new File(out, 'deployment-charts/helmfile.d/services/mw-experimental/values.yaml').text.contains('public_port: 4456')
def log = new File(basedir, 'build.log').text
assert log.contains('mwexp: wrote 11 files to ')
assert log.indexOf('mwexp: wrote ') < log.indexOf('is up to date (spec, formats and plugin unchanged)')
true
