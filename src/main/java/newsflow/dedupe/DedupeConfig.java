package newsflow.dedupe;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the dedupe stage, immutable.
 *
 * @param horizon how far back in event time an article can be the original of another;
 *                older index entries are deleted
 */
public record DedupeConfig(Duration horizon) {

    public DedupeConfig {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizon);
        }
    }
}
