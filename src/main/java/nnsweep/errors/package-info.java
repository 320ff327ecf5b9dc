/**
 * The two failures {@code Main} turns into an exit status: {@link nnsweep.errors.InputException} (bad input, exit 2)
 * and {@link nnsweep.errors.ServiceException} (a service the run needs is not there, exit 1). The bottom layer: any
 * package may throw them, and they import nothing of nnsweep.
 */
package nnsweep.errors;
