package dev.mwexp.consistency;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CEL as the API server compiles a new ValidatingAdmissionPolicy, as far as cel-java has it.
 * Wikikube runs Kubernetes 1.31 (the {@code kubernetesVersion} of deployment-charts' helmfiles),
 * which compiles new expressions in its compatibility version's environment, 1.30's
 * (k8s.io/apiserver/pkg/cel/environment/base.go): the standard library and macros, optional types
 * ({@code a.?b.orValue(c)}), the strings extension at version 2, the sets extension, numbers
 * compared across types, and list and map literals of one type. The policies of deployment-charts
 * are written that way ({@code object.spec.?volumes.orValue([])}, {@code variables.allContainers}).
 *
 * <p>Kubernetes' own libraries (lists, regex, URLs, quantities, IPs, CIDRs, the authorizer) and
 * the strings extension's {@code format} have no cel-java counterpart: an expression that calls
 * them says so, rather than that the policy is wrong.
 */
final class AdmissionCel {

  /** The variables an admission policy's expressions see; each is DYN, as the pod is untyped here. */
  static final String OBJECT = "object";
  static final String OLD_OBJECT = "oldObject";
  static final String PARAMS = "params";
  static final String REQUEST = "request";
  static final String NAMESPACE_OBJECT = "namespaceObject";
  static final String VARIABLES = "variables";

  /** Kubernetes' functions (and its authorizer variable) that cel-java lacks, by library. */
  private static final Map<String, String> KUBERNETES_ONLY = kubernetesOnly();

  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z_.]+)'");

  private AdmissionCel() {}

  /** In a holder, made on first use: every command that lists the links loads AdmissionLink, and only check evaluates CEL. */
  private static final class Engine {
    static final Cel CEL = build();

    private static Cel build() {
      CelOptions options = CelOptions.current()
          .enableOptionalSyntax(true)
          .enableHeterogeneousNumericComparisons(true)
          .enableHomogeneousLiterals(true)
          .build();
      // Version 2 of cel-go's strings extension: all of cel-java's but reverse (version 3); format is Kubernetes-only here.
      CelStringExtensions strings = CelExtensions.strings(CelStringExtensions.Function.CHAR_AT,
          CelStringExtensions.Function.INDEX_OF, CelStringExtensions.Function.JOIN,
          CelStringExtensions.Function.LAST_INDEX_OF, CelStringExtensions.Function.LOWER_ASCII,
          CelStringExtensions.Function.QUOTE, CelStringExtensions.Function.REPLACE, CelStringExtensions.Function.SPLIT,
          CelStringExtensions.Function.SUBSTRING, CelStringExtensions.Function.TRIM,
          CelStringExtensions.Function.UPPER_ASCII);
      var sets = CelExtensions.sets(options);
      var optional = CelExtensions.optional();
      return CelFactory.standardCelBuilder()
          .setOptions(options)
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addCompilerLibraries(optional, strings, sets)
          .addRuntimeLibraries(optional, strings, sets)
          .addVar(OBJECT, SimpleType.DYN)
          .addVar(OLD_OBJECT, SimpleType.DYN)
          .addVar(PARAMS, SimpleType.DYN)
          .addVar(REQUEST, SimpleType.DYN)
          .addVar(NAMESPACE_OBJECT, SimpleType.DYN)
          .addVar(VARIABLES, SimpleType.DYN)
          .build();
    }
  }

  /**
   * An expression compiled: its program and the policy variables it reads
   * ({@code variables.<name>}), or why it has none.
   */
  record Compiled(CelRuntime.Program program, Set<String> variables, String error) {}

  static Compiled compile(String expression) {
    try {
      CelAbstractSyntaxTree ast = Engine.CEL.compile(expression).getAst();
      Set<String> reads = CelNavigableAst.fromAst(ast).getRoot().allNodes()
          .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.SELECT)
          .map(n -> n.expr().select())
          .filter(s -> s.operand().getKind() == CelExpr.ExprKind.Kind.IDENT
              && s.operand().ident().name().equals(VARIABLES))
          .map(CelExpr.CelSelect::field)
          .collect(Collectors.toCollection(TreeSet::new));
      return new Compiled(Engine.CEL.createProgram(ast), reads, null);
    } catch (CelValidationException | CelEvaluationException e) {
      String first = firstLine(e);
      Matcher m = QUOTED.matcher(first);
      while (m.find()) {
        String library = KUBERNETES_ONLY.get(m.group(1));
        if (library != null) {
          return new Compiled(null, Set.of(), "uses " + m.group(1) + " from Kubernetes' " + library
              + ", which mwexp's CEL engine (cel-java) does not have, so whether it admits the pods is not known ("
              + first + ")");
        }
      }
      return new Compiled(null, Set.of(), first);
    }
  }

  static String firstLine(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  private static final AtomicBoolean WARMING = new AtomicBoolean();

  /**
   * Starts CEL on another core while the trees are read: its first expression costs a cold JVM
   * about 100 ms (the standard library's declarations, protobuf's descriptors), a fifth of a
   * whole {@code check}. Once a JVM; a daemon thread that only compiles and runs one expression
   * of the policies' shape.
   */
  static void warmUp() {
    if (WARMING.compareAndSet(false, true)) {
      Thread t = new Thread(() -> {
        try {
          compile("object.spec.?volumes.orValue([]).all(v, !has(v.hostPath) || v.hostPath.path in ['/srv'])")
              .program().eval(Map.of(OBJECT, Map.of("spec", Map.of())));
        } catch (CelEvaluationException | RuntimeException e) {
          // Only a head start: the check itself compiles and reports.
        }
      }, "mwexp-cel-warm-up");
      t.setDaemon(true);
      t.start();
    }
  }

  /** From the Kubernetes CEL reference (kubernetes.io, "CEL options, language features, and libraries"), 1.30's. */
  private static Map<String, String> kubernetesOnly() {
    Map<String, String> m = new java.util.HashMap<>();
    for (String f : new String[] {"isSorted", "sum", "min", "max"}) {
      m.put(f, "list library");
    }
    for (String f : new String[] {"find", "findAll"}) {
      m.put(f, "regex library");
    }
    for (String f : new String[] {"isURL", "url", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath",
        "getQuery"}) {
      m.put(f, "URL library");
    }
    for (String f : new String[] {"isQuantity", "quantity", "isInteger", "asInteger", "asApproximateFloat", "sign",
        "add", "sub", "isLessThan", "isGreaterThan", "compareTo"}) {
      m.put(f, "quantity library");
    }
    for (String f : new String[] {"isIP", "ip", "family", "isUnspecified", "isLoopback", "isLinkLocalMulticast",
        "isLinkLocalUnicast", "isGlobalUnicast", "ip.isCanonical"}) {
      m.put(f, "IP library");
    }
    for (String f : new String[] {"isCIDR", "cidr", "containsIP", "containsCIDR", "masked", "prefixLength"}) {
      m.put(f, "CIDR library");
    }
    m.put("authorizer", "authorizer library");
    m.put("format", "strings extension (format, version 1)");
    return Map.copyOf(m);
  }
}
