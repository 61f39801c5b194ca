package dev.mwexp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The hand-written checkouts of the four repositories under {@code fixtures/real-repos}, shaped
 * like the real files with their foreign entries; copied before a test changes them. Links are
 * copied as links.
 */
public final class Fixtures {

  private Fixtures() {}

  /** The fixture directory, found from any module's working directory. */
  public static Path realRepos() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("fixtures/real-repos");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("fixtures/real-repos not found above " + Path.of("").toAbsolutePath());
  }

  /** A fresh copy of the four checkouts under {@code dir}: repository directory name to root. */
  public static Map<String, Path> copy(Path dir) {
    copyTree(realRepos(), dir);
    Map<String, Path> roots = new TreeMap<>();
    for (String repo : new String[] {"puppet", "deployment-charts", "dns", "mediawiki-config"}) {
      roots.put(repo, dir.resolve(repo));
    }
    return roots;
  }

  /** A copy of the tree {@code from} at {@code to}, links as links; {@code to}. */
  public static Path copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** A fresh copy of the four checkouts under {@code dir}, by repository. */
  public static Map<dev.mwexp.fragment.Repository, Path> checkouts(Path dir) {
    Map<String, Path> dirs = copy(dir);
    Map<dev.mwexp.fragment.Repository, Path> roots = new java.util.TreeMap<>();
    for (dev.mwexp.fragment.Repository r : dev.mwexp.fragment.Repository.all()) {
      // The four built in; a plug-in's repository (alerts) has fixtures of its own.
      if (dirs.containsKey(r.directory())) {
        roots.put(r, dirs.get(r.directory()));
      }
    }
    return roots;
  }

  /** Every file of a tree (links as "-> target"), for comparing before and after; empty when there is no tree. */
  public static Map<String, String> snapshot(Path dir) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        String rel = dir.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          files.put(rel, "-> " + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p)) {
          files.put(rel, Files.readString(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
