def out = new File(basedir, 'target/mwexp')
assert new File(out, '.mwexp-manifest').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('mwexp: wrote ')
assert log.indexOf('mwexp: wrote ') < log.indexOf('is up to date (spec, formats and plugin unchanged)')

true
