package dev.mwexp.repos;

/** Another mwexp command holds a checkout's lock longer than this one waits. */
public final class CheckoutBusyException extends Exception {

  private static final long serialVersionUID = 1L;

  public CheckoutBusyException(String message) {
    super(message, null, false, false);
  }
}
