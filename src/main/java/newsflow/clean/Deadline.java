package newsflow.clean;

import java.time.Duration;

/**
 * A wall-clock budget for one page. Loops over page content call {@link #check()} so that
 * no page keeps a thread longer than the budget. Not shared between threads.
 */
final class Deadline {

    /**
     * A budget that never runs out, for a walk that does constant work per node ahead of a
     * check that must give its own reason first (the depth guard after the walk that measures
     * the depth).
     */
    static final Deadline NONE = new Deadline(null);

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = budget == null ? 0 : System.nanoTime() + budget.toNanos();
    }

    static Deadline start(Duration budget) {
        return new Deadline(budget);
    }

    /** Throws {@link UnusablePageException} once the budget is spent. */
    void check() {
        if (budget != null && System.nanoTime() - endNanos > 0) {
            throw new UnusablePageException("cleaning took longer than the time budget of "
                    + budget.toMillis() + " ms");
        }
    }
}
