package newsflow.clean;

import java.time.Duration;

/**
 * A wall-clock budget for one page. Loops over page content call {@link #check()} so that
 * no page keeps a thread longer than the budget. Not shared between threads.
 */
final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static Deadline start(Duration budget) {
        return new Deadline(budget);
    }

    /** Throws {@link UnusablePageException} once the budget is spent. */
    void check() {
        if (System.nanoTime() - endNanos > 0) {
            throw new UnusablePageException("cleaning took longer than the time budget of "
                    + budget.toMillis() + " ms");
        }
    }
}
