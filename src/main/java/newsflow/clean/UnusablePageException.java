package newsflow.clean;

/**
 * Thrown when a page cannot become an article: no article body was found, the page is
 * binary, too large, or too deeply nested. The message is the reason a dead letter carries,
 * so it names the problem plainly (for example {@code "no article body found (index page?)"}).
 */
public class UnusablePageException extends RuntimeException {

    public UnusablePageException(String reason) {
        super(reason);
    }
}
