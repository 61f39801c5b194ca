def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] mwexp: routing is consistent and the checkouts match the spec')
assert !log.contains('[ERROR]')
true
