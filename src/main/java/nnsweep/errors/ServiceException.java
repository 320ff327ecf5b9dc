package nnsweep.errors;

/**
 * A service the run needs is not there: the Spark master cannot be reached, or the cluster grants no executor.
 *
 * <p>The message is one line that names the service (the master URL) and the cause. {@code Main} prints it after
 * {@code nnsweep: failed: } and exits with status 1 (the input was fine; the service was not).
 */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServiceException(String message) {
    super(message);
  }

  public ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
