/**
 * The evaluation tools: benchmark readers, corpus generators, scorers and the {@code eval}
 * command. Compiled into {@code target/newsflow-eval.jar}, never into the runnable
 * {@code newsflow.jar}; the launcher puts the two side by side and {@code eval} joins the
 * command line through {@link newsflow.cli.Subcommand}. Nothing in the product depends on
 * this package ({@code ArchitectureTest}).
 */
package newsflow.eval;
