package newsflow.cli;

/**
 * A command that another jar on the class path adds to {@code newsflow}: a picocli
 * {@code @Command} class with a public no-argument constructor, named in that jar's
 * {@code META-INF/services/newsflow.cli.Subcommand}. The evaluation tools
 * ({@code newsflow-eval.jar}, which the launcher puts beside the runnable jar) add {@code eval}
 * this way, so the product depends on none of them.
 */
public interface Subcommand {
}
