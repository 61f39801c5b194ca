def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping mwexp:compile (mwexp.skip is true)')
assert !new File(basedir, 'target/mwexp').exists()
true
