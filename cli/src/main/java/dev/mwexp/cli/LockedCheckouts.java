package dev.mwexp.cli;

import dev.mwexp.cli.args.UsageException;
import dev.mwexp.files.Inert;
import dev.mwexp.repos.CheckoutBusyException;
import dev.mwexp.repos.CheckoutException;
import dev.mwexp.repos.CheckoutLocks;
import dev.mwexp.repos.Sync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;

/** What check and import share: they read the checkouts under their locks, after finishing a killed sync. */
final class LockedCheckouts {

  private LockedCheckouts() {}

  interface Body {
    int run() throws UsageException;
  }

  static int run(Collection<Path> checkouts, PrintWriter err, Body body) throws UsageException {
    try (CheckoutLocks locks = CheckoutLocks.take(checkouts)) {
      Sync.recover(checkouts).forEach(m -> err.println("mwexp: " + Inert.text(m)));
      return body.run();
    } catch (CheckoutBusyException e) {
      err.println(Inert.text(e.getMessage()));
      return ExitCodes.BUSY;
    } catch (CheckoutException e) {
      e.problems().forEach(p -> err.println(Inert.text(p)));
      return ExitCodes.PROBLEMS;
    }
  }
}
