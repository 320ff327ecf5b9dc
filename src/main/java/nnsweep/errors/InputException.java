package nnsweep.errors;

/**
 * Bad input from the user: a study file, a dataset CSV or the command line.
 *
 * <p>The message is one line that names where the problem is (file, line and column, or config key), the value
 * found and what was expected. {@code Main} prints it and exits with status 2; nothing is written.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
