package dev.mwexp.consistency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

  private final Optional<Path> hiera;
  private final Optional<Path> manifests;
  private final Optional<Path> helmValues;
  private final Optional<Path> routingScript;
  private final List<Path> zones;
  private final String role;

  private ArtifactTrees(Builder b) {
    this.hiera = Optional.ofNullable(b.hiera);
    this.manifests = Optional.ofNullable(b.manifests);
    this.helmValues = Optional.ofNullable(b.helmValues);
    this.routingScript = Optional.ofNullable(b.routingScript);
    this.zones = List.copyOf(b.zones);
    this.role = b.role;
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
    Builder b = builder();
    if (Files.isRegularFile(root.resolve("hiera.yaml"))) {
      b.hiera(root);
    }
    if (Files.isDirectory(root.resolve("k8s"))) {
      b.manifests(root.resolve("k8s"));
    }
    Path services = root.resolve("helmfile.d").resolve("services");
    if (Files.isDirectory(services)) {
      firstChildDirectory(services).ifPresent(b::helmValues);
    }
    files(root.resolve("ats")).stream()
        .filter(p -> p.toString().endsWith(".lua") && !p.getFileName().toString().endsWith("_test.lua"))
        .findFirst()
        .ifPresent(b::routingScript);
    files(root.resolve("dns")).forEach(b::zone);
    return b.build();
  }

  private static Optional<Path> firstChildDirectory(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).sorted().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Path> hiera() {
    return hiera;
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

  /** The hosts' Puppet role, as hiera's role levels spell it ({@code kubernetes/worker}). */
  public String role() {
    return role;
  }

  /** Collects tree locations. */
  public static final class Builder {
    private Path hiera;
    private Path manifests;
    private Path helmValues;
    private Path routingScript;
    private final List<Path> zones = new java.util.ArrayList<>();
    private String role = "kubernetes/worker";

    private Builder() {}

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
