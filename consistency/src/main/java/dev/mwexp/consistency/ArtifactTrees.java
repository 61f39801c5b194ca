package dev.mwexp.consistency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the artifacts to check are: a hiera tree (the directory holding {@code hiera.yaml}),
 * Kubernetes manifests (one directory per datacenter) or helmfile values, the ATS routing script,
 * and DNS zone snippets. Any may be missing; the chain is checked as far as the trees go.
 */
public final class ArtifactTrees {

  private final Optional<Path> root;
  private final java.util.Map<dev.mwexp.fragment.Repository, Path> repositories;
  private final Optional<Path> hiera;
  private final Optional<Path> manifests;
  private final Optional<Path> helmValues;
  private final Optional<Path> routingScript;
  private final List<Path> zones;
  private final String role;
  private final String service;
  private final boolean everyRepository;
  private final dev.mwexp.files.ReadCache cache;

  private ArtifactTrees(Builder b) {
    this.root = Optional.ofNullable(b.root);
    this.repositories = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.repositories));
    this.hiera = Optional.ofNullable(b.hiera);
    this.manifests = Optional.ofNullable(b.manifests);
    this.helmValues = Optional.ofNullable(b.helmValues);
    this.routingScript = Optional.ofNullable(b.routingScript);
    this.zones = List.copyOf(b.zones);
    this.role = b.role;
    this.service = b.service;
    this.everyRepository = b.everyRepository;
    this.cache = b.cache;
  }

  /** The workspace's reads these trees share (each file read once), or null to read every time. */
  dev.mwexp.files.ReadCache cache() {
    return cache;
  }

  /**
   * Whether the tree is laid out as compile writes it, one directory per repository, so that a
   * repository missing from it is missing, not left out on purpose.
   */
  public boolean everyRepository() {
    return everyRepository;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The trees of an {@code mwexp compile} output directory (or one laid out the same way):
   * {@code hiera.yaml} with {@code hieradata/}, {@code k8s/<dc>/} or
   * {@code helmfile.d/services/<service>/}, {@code ats/*.lua}, {@code dns/*}.
   */
  public static ArtifactTrees of(Path root) {
    Builder b = builder().root(root);
    // compile's layout: one directory per repository.
    for (dev.mwexp.fragment.Repository r : dev.mwexp.fragment.Repository.all()) {
      if (Files.isDirectory(root.resolve(r.directory()), LinkOption.NOFOLLOW_LINKS)) {
        b.repository(r, root.resolve(r.directory()));
        b.everyRepository = true;
      }
    }
    // Links are judged (and refused) when the checker reads through them, not here.
    if (Files.exists(root.resolve("hiera.yaml"), LinkOption.NOFOLLOW_LINKS)) {
      b.hiera(root);
    }
    if (Files.isDirectory(root.resolve("k8s"), LinkOption.NOFOLLOW_LINKS)) {
      b.manifests(root.resolve("k8s"));
    }
    Path services = root.resolve("helmfile.d").resolve("services");
    if (Files.isDirectory(services, LinkOption.NOFOLLOW_LINKS)) {
      firstChildDirectory(services).ifPresent(b::helmValues);
    }
    files(root.resolve("ats")).stream()
        .filter(p -> p.toString().endsWith(".lua") && !p.getFileName().toString().endsWith("_test.lua"))
        .findFirst()
        .ifPresent(b::routingScript);
    files(root.resolve("dns")).forEach(b::zone);
    return b.build();
  }

  /** What cannot even be listed is left to the checker, which reports it when it reads. */
  private static Optional<Path> firstChildDirectory(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.of(dir);
    }
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException | RuntimeException e) {
      // An unreadable directory: name it, and the checker says why when it reads it.
      return List.of(dir);
    }
  }

  /**
   * Whether any part of the routing chain was given: a checkout of one of the four built-in
   * repositories, or a tree of compile's layout. A plug-in's checkout alone ({@code --alerts})
   * is judged by its own links only.
   */
  public boolean holdsChain() {
    return this.root.isPresent() || hiera().isPresent() || manifests().isPresent() || helmValues().isPresent()
        || routingScript().isPresent() || !zones().isEmpty()
        || repositories.keySet().stream().anyMatch(dev.mwexp.fragment.Repository::builtIn);
  }

  /**
   * The root of the tree under check: nothing outside it is read, through links or otherwise.
   * Without one, the nearest directory holding every given location.
   */
  public Path root() {
    return root.orElseGet(() -> {
      Path common = null;
      for (Path p : locations()) {
        Path a = p.toAbsolutePath().normalize();
        if (common == null) {
          common = a;
        }
        while (!a.startsWith(common)) {
          common = common.getParent();
        }
      }
      return common == null ? Path.of("").toAbsolutePath() : common;
    });
  }

  /**
   * Where reads may go: the root when one was given (compile's layout, {@code --against}), else
   * each location given, every checkout its own boundary, never the space between them.
   */
  public List<Path> boundaries() {
    return root.isPresent() ? List.of(root.get()) : locations();
  }

  /** Every location given: the checkouts, and the directories of the other trees and files. */
  private List<Path> locations() {
    List<Path> all = new java.util.ArrayList<>(repositories.values());
    hiera.ifPresent(all::add);
    manifests.ifPresent(all::add);
    helmValues.ifPresent(all::add);
    routingScript.map(Path::getParent).ifPresent(all::add);
    zones.forEach(z -> all.add(z.getParent()));
    return all;
  }

  public Optional<Path> hiera() {
    return hiera;
  }

  /** The checkouts of the real repositories given, by repository. */
  public java.util.Map<dev.mwexp.fragment.Repository, Path> repositories() {
    return repositories;
  }

  public Optional<Path> manifests() {
    return manifests;
  }

  public Optional<Path> helmValues() {
    return helmValues;
  }

  public Optional<Path> routingScript() {
    return routingScript;
  }

  public List<Path> zones() {
    return zones;
  }

  /** The service's directory under deployment-charts' {@code helmfile.d/services/}. */
  public String service() {
    return service;
  }

  /** The hosts' Puppet role, as hiera's role levels spell it ({@code kubernetes/worker}). */
  public String role() {
    return role;
  }

  /** Collects tree locations. */
  public static final class Builder {
    private Path root;
    private final java.util.Map<dev.mwexp.fragment.Repository, Path> repositories =
        new java.util.TreeMap<>();
    private Path hiera;
    private Path manifests;
    private Path helmValues;
    private Path routingScript;
    private final List<Path> zones = new java.util.ArrayList<>();
    private String role = "kubernetes/worker";
    private String service = "mw-experimental";
    private boolean everyRepository;
    private dev.mwexp.files.ReadCache cache;

    /** The service's name, as deployment-charts names its directory (default mw-experimental). */
    public Builder service(String name) {
      this.service = name;
      return this;
    }

    private Builder() {}

    /** A checkout of one of the four real repositories, read in its real layout. */
    public Builder repository(dev.mwexp.fragment.Repository repository, Path checkout) {
      this.repositories.put(repository, checkout);
      return this;
    }

    /**
     * Every checkout of the workspace, read through its cache: what the checker reads is what
     * the same command's drift plan reads, from disk once.
     */
    public Builder workspace(dev.mwexp.workspace.Workspace workspace) {
      workspace.roots().forEach(this::repository);
      this.cache = workspace.reads();
      return this;
    }

    /** The tree under check; nothing outside it is read. */
    public Builder root(Path dir) {
      this.root = dir;
      return this;
    }

    /** The directory holding {@code hiera.yaml}. */
    public Builder hiera(Path dir) {
      this.hiera = dir;
      return this;
    }

    /** A directory with one subdirectory of manifests per datacenter. */
    public Builder manifests(Path dir) {
      this.manifests = dir;
      return this;
    }

    /** {@code helmfile.d/services/<service>}, with values.yaml and values-&lt;dc&gt;.yaml. */
    public Builder helmValues(Path dir) {
      this.helmValues = dir;
      return this;
    }

    public Builder routingScript(Path file) {
      this.routingScript = file;
      return this;
    }

    public Builder zone(Path file) {
      this.zones.add(file);
      return this;
    }

    public Builder role(String role) {
      this.role = role;
      return this;
    }

    public ArtifactTrees build() {
      return new ArtifactTrees(this);
    }
  }
}
