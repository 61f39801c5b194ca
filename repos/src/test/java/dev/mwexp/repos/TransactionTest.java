package dev.mwexp.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mwexp.export.Exporters;
import dev.mwexp.fragment.Repository;
import dev.mwexp.model.Setup;
import dev.mwexp.spec.Spec;
import dev.mwexp.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sync writes all or nothing, keeps modes and owners, and never acts through a link. */
class TransactionTest {

  @TempDir Path tmp;

  /** Today's model plus a host in eqiad: files change in three checkouts. */
  private static Setup withHost() throws dev.mwexp.spec.SpecException {
    return Spec.parse("""
        datacenters:
          eqiad:
            hosts: [wikikube-worker-exp1001.eqiad.wmnet, wikikube-worker-exp1002.eqiad.wmnet]
          codfw:
            hosts: [wikikube-worker-exp2001.codfw.wmnet]
        """, "spec.yaml");
  }

  private static Plan plan(Setup setup, Map<Repository, Path> roots) throws CheckoutException {
    return Sync.plan(Exporters.fragments(setup), Checkouts.of(roots));
  }

  private static Map<Repository, Path> realRoots(Map<Repository, Path> roots) {
    Map<Repository, Path> out = new java.util.TreeMap<>();
    roots.forEach((r, p) -> out.put(r, p.toAbsolutePath().normalize()));
    return out;
  }

  @Test
  void aFailureWhileRenamingRestoresWhatWasRenamedAndSaysSo() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Map<String, String> before = Fixtures.snapshot(tmp);
    Plan plan = plan(withHost(), roots);
    assertThat(plan.changes().size()).isGreaterThanOrEqualTo(4);

    assertThatThrownBy(() -> Transaction.write(plan, realRoots(roots), (i, target) -> {
      if (i == 3) {
        throw new IOException("injected: disk gone");
      }
    })).isInstanceOf(CheckoutException.class)
        .satisfies(e -> assertThat(((CheckoutException) e).problems()).last().asString()
            .isEqualTo("rolled back: the 3 file(s) already written were restored; the checkouts are as before the sync"));

    assertThat(Fixtures.snapshot(tmp)).isEqualTo(before);
    assertThat(Transaction.recover(roots.values())).isEmpty();
  }

  @Test
  void aRunKilledBeforeItsCommitIsRolledBackAndOneKilledAfterIsCompleted() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Map<String, String> before = Fixtures.snapshot(tmp);
    Plan plan = plan(withHost(), roots);
    // A kill, as near as a test in one process comes: the run stops dead at a rename.
    class Killed extends RuntimeException {}
    try {
      Transaction.write(plan, realRoots(roots), (i, target) -> {
        if (i == 2) {
          throw new Killed();
        }
      });
    } catch (Killed expected) {
      // The journal says COMMITTED, two files are renamed, the rest staged beside their targets.
    }
    assertThat(Fixtures.snapshot(tmp)).isNotEqualTo(before);

    List<String> done = Transaction.recover(roots.values());

    assertThat(done).singleElement().asString().startsWith("an interrupted mwexp sync had committed: completed it");
    plan.write(); // nothing left to change
    assertThat(plan(withHost(), roots).isEmpty()).isTrue();
    Map<String, String> after = Fixtures.snapshot(tmp);
    assertThat(after.keySet()).noneMatch(k -> k.contains(".mwexp-"));
  }

  @Test
  void everyModeBitAndTheOwnerAreKept() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path sitePp = roots.get(Repository.PUPPET).resolve("manifests/site.pp");
    Path zone = roots.get(Repository.DNS).resolve("templates/wmnet");
    Path debug = roots.get(Repository.MEDIAWIKI_CONFIG).resolve("debug.json");
    boolean root = (Integer) Files.getAttribute(tmp, "unix:uid") == 0;
    if (root) {
      // Before the modes: chown clears setuid and setgid.
      Files.setAttribute(zone, "unix:uid", 4321);
      Files.setAttribute(zone, "unix:gid", 8765);
    }
    Files.setAttribute(sitePp, "unix:mode", 02775);
    Files.setAttribute(zone, "unix:mode", 04750);
    Files.setAttribute(debug, "unix:mode", 01644);

    plan(withHost(), roots).write();

    assertThat(Files.readString(sitePp)).contains("wikikube-worker-exp1002");
    assertThat((Integer) Files.getAttribute(sitePp, "unix:mode") & 07777).isEqualTo(02775);
    assertThat((Integer) Files.getAttribute(zone, "unix:mode") & 07777).isEqualTo(04750);
    assertThat((Integer) Files.getAttribute(debug, "unix:mode") & 07777).isEqualTo(01644);
    if (root) {
      assertThat((Integer) Files.getAttribute(zone, "unix:uid")).isEqualTo(4321);
      assertThat((Integer) Files.getAttribute(zone, "unix:gid")).isEqualTo(8765);
    }
  }

  @Test
  void aLinkIsRemovedItselfNeverItsTarget() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp);
    Path hosts = roots.get(Repository.PUPPET).resolve("hieradata/hosts");
    plan(withHost(), roots).write();
    // The new host's file made a link to a shared file in the repository, by hand.
    Path shared = roots.get(Repository.PUPPET).resolve("hieradata/common/mw-experimental-worker.yaml");
    Files.createDirectories(shared.getParent());
    Files.move(hosts.resolve("wikikube-worker-exp1002.yaml"), shared);
    Files.createSymbolicLink(hosts.resolve("wikikube-worker-exp1002.yaml"), Path.of("../common/mw-experimental-worker.yaml"));
    String sharedText = Files.readString(shared);

    plan(Spec.defaultSetup(), roots).write();

    assertThat(hosts.resolve("wikikube-worker-exp1002.yaml")).doesNotExist();
    assertThat(Files.exists(hosts.resolve("wikikube-worker-exp1002.yaml"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.readString(shared)).isEqualTo(sharedText);
  }

  @Test
  void aDirectoryLinkOutOfTheCheckoutIsNeverWrittenThrough() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp.resolve("repos"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path hosts = roots.get(Repository.PUPPET).resolve("hieradata/hosts");
    // hieradata/hosts linked to a directory outside, the hosts' files not there yet.
    Path aside = Files.createDirectories(tmp.resolve("aside"));
    for (Path p : Files.list(hosts).toList()) {
      Files.move(p, aside.resolve(p.getFileName()));
    }
    Files.delete(hosts);
    Files.createSymbolicLink(hosts, outside);
    List<String> outsideBefore = Files.list(outside).map(p -> p.getFileName().toString()).sorted().toList();
    Map<String, String> before = Fixtures.snapshot(tmp.resolve("repos"));

    assertThatThrownBy(() -> plan(withHost(), roots).write()).isInstanceOf(CheckoutException.class)
        .hasMessageContaining("a directory on its way is a link out of the checkout");

    assertThat(Files.list(outside).map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(outsideBefore);
    assertThat(Fixtures.snapshot(tmp.resolve("repos"))).isEqualTo(before);
  }

  @Test
  void theLocksStayOutOfTheCheckoutsAndBesideThem() throws Exception {
    Map<Repository, Path> roots = Fixtures.checkouts(tmp.resolve("repos"));
    Map<String, String> before = Fixtures.snapshot(tmp.resolve("repos"));
    try (CheckoutLocks locks = CheckoutLocks.take(roots.values())) {
      assertThat(Fixtures.snapshot(tmp.resolve("repos"))).isEqualTo(before);
    }
    assertThat(Fixtures.snapshot(tmp.resolve("repos"))).isEqualTo(before);
    Files.createDirectories(roots.get(Repository.DNS).resolve(".git"));
    assertThat(CheckoutLocks.lockFile(roots.get(Repository.DNS)))
        .isEqualTo(roots.get(Repository.DNS).resolve(".git/mwexp-sync.lock"));
  }
}
