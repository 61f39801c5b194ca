/**
 * The command line's grammar: each command declares its options as values ({@link
 * dev.mwexp.cli.args.CommandSyntax}), one parser reads them ({@link
 * dev.mwexp.cli.args.ArgumentParser}) and one renderer prints help from the same values ({@link
 * dev.mwexp.cli.args.HelpText}).
 *
 * <p>Hand-written rather than picocli because start-up is most of a run: picocli cost about 45 ms
 * of a 180 ms {@code compile} even through its programmatic API, and about 64 ms through
 * annotations (issue 17; BENCHMARKS.md, "CLI start-up"). This needs a few dozen cold methods.
 */
package dev.mwexp.cli.args;
