/**
 * The ground floor: how the project reads text from its users and refuses bad input.
 * {@link arena.core.input.InvalidInputException} (bad input, naming the parameter and its allowed
 * range; a front end turns it into a one-line error and exit code 2), {@link arena.core.input.Names}
 * (the one rule for names: strategies, kernels, schedule kinds, formats) and
 * {@link arena.core.input.NumberText} (the one rule for numbers written as text), and what users pick
 * by name: {@link arena.core.input.AbstractProvider}, the name and description every plug-in's
 * provider (a kernel's, a strategy's) declares.
 *
 * <p>Imports: the JDK only. Every other package of the project may import this one; it imports
 * none of them.
 */
package arena.core.input;
