// Copies fixtures/real-repos (links kept) to target/repos, where the sync goal writes.
import java.nio.file.*
def from = basedir.toPath().resolve('../../../../fixtures/real-repos').normalize()
def to = basedir.toPath().resolve('target/repos')
Files.walk(from).forEach { p ->
  def t = to.resolve(from.relativize(p).toString())
  if (Files.isSymbolicLink(p)) { Files.createSymbolicLink(t, Files.readSymbolicLink(p)) }
  else if (Files.isDirectory(p)) { Files.createDirectories(t) }
  else { Files.copy(p, t) }
}
true
