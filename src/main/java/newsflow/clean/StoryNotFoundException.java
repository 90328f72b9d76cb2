package newsflow.clean;

/**
 * A page left no story text, or less than the minimum: the one rejection
 * that {@link ArticleCleaner} answers, for HTML, by cleaning the page a second time without class hints
 * ({@link CleaningSignal#RETRY_WITHOUT_CLASS_HINTS}). A list of story teasers is not one of
 * them: that page is an index page whatever its class names say.
 */
final class StoryNotFoundException extends UnusablePageException {

    StoryNotFoundException(String reason) {
        super(reason);
    }
}
