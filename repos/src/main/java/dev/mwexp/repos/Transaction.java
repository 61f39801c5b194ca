package dev.mwexp.repos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mwexp.files.IoReason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plan written to its checkouts all or nothing, whatever happens. Every new file is staged
 * beside its target first (forced to disk, with the old file's owner, group and all twelve mode
 * bits), and every file replaced or deleted is kept as a hard link beside it. A journal in the
 * first checkout (with a pointer to it in each of the others) is written before anything is
 * staged and marked committed once everything is: a run killed before that mark is rolled back by
 * the next command on any of the checkouts, one killed after it is completed. An I/O failure
 * while renaming restores what was already renamed.
 */
final class Transaction {

  /** Made on first use: every command asks recover, and almost never is there a journal to read. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** One file of the transaction. */
  private record Entry(Path root, String path, String name, boolean delete, String text, Path temp, Path backup,
      boolean existed) {

    Path target() {
      return root.resolve(path);
    }
  }

  /** A failure to make happen before a rename, for the tests of rolling back; none in use. */
  interface Fault {
    void beforeRename(int index, Path target) throws IOException;
  }

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private Fault fault = (i, t) -> { };
  private final List<Entry> entries = new ArrayList<>();
  private final List<Path> roots = new ArrayList<>();

  private Transaction() {}

  /** Writes the plan's changes; the files written, or every problem and the checkouts' state. */
  static List<String> write(Plan plan, Map<dev.mwexp.fragment.Repository, Path> rootsByRepository)
      throws CheckoutException {
    return write(plan, rootsByRepository, (i, target) -> { });
  }

  static List<String> write(Plan plan, Map<dev.mwexp.fragment.Repository, Path> rootsByRepository, Fault fault)
      throws CheckoutException {
    Transaction t = new Transaction();
    t.fault = fault;
    for (Change c : plan.changes()) {
      Path root = rootsByRepository.get(c.repository()).toAbsolutePath().normalize();
      if (!t.roots.contains(root)) {
        t.roots.add(root);
      }
      Path target = root.resolve(c.path());
      String base = "." + target.getFileName() + ".mwexp-" + t.id;
      boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
      t.entries.add(new Entry(root, c.path(), c.name(), c.after().isEmpty(), c.after().orElse(null),
          c.after().isEmpty() ? null : target.resolveSibling(base + ".new"),
          existed ? target.resolveSibling(base + ".old") : null, existed));
    }
    if (t.entries.isEmpty()) {
      return List.of();
    }
    t.run();
    return t.entries.stream().map(Entry::name).toList();
  }

  private Path journal() {
    return CheckoutLocks.own(roots.get(0), "sync.journal");
  }

  private void run() throws CheckoutException {
    // 1. The journal, before anything is staged: a kill from here on is cleaned up by the next run.
    try {
      writeJournal("PREPARING");
    } catch (IOException e) {
      throw new CheckoutException(List.of(journal() + ": cannot write the sync's journal: " + IoReason.of(e),
          "nothing was written"));
    }
    // 2. Stage every file; keep every file replaced or deleted.
    List<String> problems = new ArrayList<>();
    for (Entry e : entries) {
      try {
        stage(e);
      } catch (IOException ex) {
        problems.add(e.name() + ": cannot stage: " + IoReason.of(ex));
      } catch (CheckoutException ex) {
        problems.addAll(ex.problems());
      }
    }
    if (!problems.isEmpty()) {
      cleanUp(entries, journal());
      problems.add("nothing was written");
      throw new CheckoutException(problems);
    }
    // 3. The commit point.
    try {
      writeJournal("COMMITTED");
    } catch (IOException e) {
      cleanUp(entries, journal());
      throw new CheckoutException(List.of(journal() + ": cannot commit: " + IoReason.of(e), "nothing was written"));
    }
    // 4. Rename into place; on a failure, put back what was already renamed.
    List<Entry> applied = new ArrayList<>();
    for (Entry e : entries) {
      try {
        fault.beforeRename(applied.size(), e.target());
        apply(e);
        applied.add(e);
      } catch (IOException ex) {
        throw new CheckoutException(rollBack(e.name() + ": cannot write: " + IoReason.of(ex), applied, entries, journal()));
      }
    }
    cleanUp(entries, journal());
  }

  private void stage(Entry e) throws IOException, CheckoutException {
    Path target = e.target();
    Path parent = target.getParent();
    insideOrRefuse(e, parent);
    Files.createDirectories(parent);
    insideOrRefuse(e, parent);
    if (e.existed()) {
      try {
        Files.createLink(e.backup(), target);
      } catch (IOException | UnsupportedOperationException linkFailed) {
        Files.copy(target, e.backup(), LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    if (e.delete()) {
      return;
    }
    try (FileChannel ch = FileChannel.open(e.temp(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      ch.write(java.nio.ByteBuffer.wrap(e.text().getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    keepOwnerAndMode(e);
  }

  /** A directory on the way that leads out of the checkout is never written through. */
  private static void insideOrRefuse(Entry e, Path dir) throws IOException, CheckoutException {
    Path existing = dir;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null || !existing.toRealPath().startsWith(e.root().toRealPath())) {
      throw new CheckoutException(List.of(e.name() + ": a directory on its way is a link out of the checkout;"
          + " mwexp does not write through it; not written"));
    }
  }

  /** The new file takes the old one's owner, group and every mode bit (setuid, setgid, sticky too). */
  private static void keepOwnerAndMode(Entry e) throws IOException, CheckoutException {
    Path target = e.target();
    int mode = 0644;
    if (e.existed() && Files.exists(target)) {
      // A link kept in the repository is replaced by the file; its target's owner and mode are the file's.
      int uid = (Integer) Files.getAttribute(target, "unix:uid");
      int gid = (Integer) Files.getAttribute(target, "unix:gid");
      mode = (Integer) Files.getAttribute(target, "unix:mode") & 07777;
      try {
        if ((Integer) Files.getAttribute(e.temp(), "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) {
          Files.setAttribute(e.temp(), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        }
        if ((Integer) Files.getAttribute(e.temp(), "unix:gid", LinkOption.NOFOLLOW_LINKS) != gid) {
          Files.setAttribute(e.temp(), "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
      } catch (FileSystemException denied) {
        throw new CheckoutException(List.of(e.name() + ": owned by uid " + uid + ", gid " + gid
            + "; mwexp, running as another user, cannot keep that owner and group; not written"
            + " (run sync as its owner, or as root)"));
      }
    }
    // After chown, which clears setuid and setgid.
    Files.setAttribute(e.temp(), "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
  }

  private static void apply(Entry e) throws IOException {
    if (e.delete()) {
      Files.deleteIfExists(e.target());
    } else {
      // Over the path itself: a link in the repository is replaced, never its target written.
      Files.move(e.temp(), e.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Puts back the files already renamed; the problems, with the state the checkouts are left in. */
  private static List<String> rollBack(String failure, List<Entry> applied, List<Entry> all, Path journal) {
    List<String> problems = new ArrayList<>();
    problems.add(failure);
    try {
      setState(journal, "ROLLING_BACK");
    } catch (IOException ignored) {
      // The restore below still runs; a journal left COMMITTED would be completed next time.
    }
    List<String> stuck = new ArrayList<>();
    for (Entry e : applied) {
      try {
        restore(e);
      } catch (IOException ex) {
        stuck.add(e.name() + " (" + IoReason.of(ex) + ")");
      }
    }
    if (stuck.isEmpty()) {
      cleanUp(all, journal);
      problems.add("rolled back: " + (applied.isEmpty() ? "nothing had been written"
          : "the " + applied.size() + " file(s) already written were restored") + "; the checkouts are as before the sync");
    } else {
      problems.add("could not restore " + String.join(", ", stuck) + "; the journal " + journal
          + " is kept, and the next mwexp sync, check or import of these checkouts finishes the restore");
    }
    return problems;
  }

  private static void restore(Entry e) throws IOException {
    if (e.backup() != null && Files.exists(e.backup(), LinkOption.NOFOLLOW_LINKS)) {
      Files.move(e.backup(), e.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else if (!e.existed()) {
      Files.deleteIfExists(e.target());
    }
  }

  // ---- the journal ----

  private void writeJournal(String state) throws IOException {
    ObjectNode j = Json.MAPPER.createObjectNode();
    j.put("id", id);
    j.put("state", state);
    ArrayNode list = j.putArray("entries");
    for (Entry e : entries) {
      ObjectNode n = list.addObject();
      n.put("root", e.root().toString());
      n.put("path", e.path());
      n.put("name", e.name());
      n.put("delete", e.delete());
      n.put("existed", e.existed());
      n.put("temp", e.temp() == null ? null : e.temp().toString());
      n.put("backup", e.backup() == null ? null : e.backup().toString());
    }
    writeAtomically(journal(), j.toString());
    if (state.equals("PREPARING")) {
      // A pointer in each other checkout, so that a command on it alone still finds the journal.
      for (Path root : roots.subList(1, roots.size())) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("journal", journal().toString());
        writeAtomically(CheckoutLocks.own(root, "sync.journal"), p.toString());
      }
    }
  }

  private static void setState(Path journal, String state) throws IOException {
    ObjectNode j = (ObjectNode) Json.MAPPER.readTree(Files.readString(journal));
    j.put("state", state);
    writeAtomically(journal, j.toString());
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Temps and kept files of every entry gone, then the pointers, then the journal last. */
  private static void cleanUp(List<Entry> all, Path journal) {
    List<Path> roots = new ArrayList<>();
    for (Entry e : all) {
      deleteQuietly(e.temp());
      deleteQuietly(e.backup());
      if (!roots.contains(e.root())) {
        roots.add(e.root());
      }
    }
    for (Path root : roots) {
      Path pointer = CheckoutLocks.own(root, "sync.journal");
      if (!pointer.equals(journal)) {
        deleteQuietly(pointer);
      }
    }
    deleteQuietly(journal);
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Left for the next run, which knows it from the journal.
    }
  }

  // ---- recovery ----

  /**
   * Finishes any sync a killed or failed run left in these checkouts: completed when it had
   * committed, rolled back when it had not. One line each of what was done.
   */
  static List<String> recover(java.util.Collection<Path> checkouts) {
    List<String> done = new ArrayList<>();
    java.util.Set<Path> seen = new java.util.HashSet<>();
    for (Path root : checkouts) {
      Path own = CheckoutLocks.own(root.toAbsolutePath().normalize(), "sync.journal");
      if (!Files.isRegularFile(own, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        JsonNode j = Json.MAPPER.readTree(Files.readString(own));
        Path journal = j.has("journal") ? Path.of(j.get("journal").asText()) : own;
        if (!seen.add(journal)) {
          continue;
        }
        if (!Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(own);
          done.add(own + ": the journal it points to is gone (its checkout moved?); the pointer was removed");
          continue;
        }
        done.add(recoverOne(journal, Json.MAPPER.readTree(Files.readString(journal))));
      } catch (IOException e) {
        done.add(own + ": cannot recover the interrupted sync: " + IoReason.of(e) + "; fix it and run again");
      }
    }
    return done;
  }

  private static String recoverOne(Path journal, JsonNode j) throws IOException {
    List<Entry> all = new ArrayList<>();
    for (JsonNode n : j.get("entries")) {
      all.add(new Entry(Path.of(n.get("root").asText()), n.get("path").asText(), n.get("name").asText(),
          n.get("delete").asBoolean(), null, n.get("temp").isNull() ? null : Path.of(n.get("temp").asText()),
          n.get("backup").isNull() ? null : Path.of(n.get("backup").asText()), n.get("existed").asBoolean()));
    }
    String state = j.get("state").asText();
    String names = String.join(", ", all.stream().map(Entry::name).toList());
    switch (state) {
      case "COMMITTED" -> {
        for (Entry e : all) {
          // A write whose staged file is gone was renamed before the kill.
          if (e.delete() || Files.exists(e.temp(), LinkOption.NOFOLLOW_LINKS)) {
            apply(e);
          }
        }
        cleanUp(all, journal);
        return "an interrupted mwexp sync had committed: completed it (" + names + " as it planned)";
      }
      case "ROLLING_BACK" -> {
        for (Entry e : all) {
          if (e.delete() || e.temp() == null || !Files.exists(e.temp(), LinkOption.NOFOLLOW_LINKS)) {
            restore(e);
          }
        }
        cleanUp(all, journal);
        return "an interrupted mwexp sync was rolling back: finished it; " + names + " are as before that sync";
      }
      default -> {
        cleanUp(all, journal);
        return "an interrupted mwexp sync had not committed: rolled it back (its staged files removed); "
            + names + " are as before it";
      }
    }
  }
}
