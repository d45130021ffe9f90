package dev.codeartifact.core.token;

import dev.codeartifact.core.flow.BuildNotes;
import java.time.Duration;
import java.time.Instant;

/**
 * The one rule for "still usable": how much life a token must have left to be handed to a build. In-build
 * reuse (the build's notes, {@link BuildNotes}), the disk cache and
 * renewal all ask {@link #usable}; nothing else compares a token's expiration with a margin.
 *
 * <h2>Margin rule</h2>
 *
 * A token is usable at {@code now} while {@code expiration - now >= margin}, where
 *
 * <pre>
 *   lifetime = expiration - fetchedAt          (as recorded when the token was fetched)
 *   margin   = clamp(lifetime / 4, 5 min, 60 min)
 * </pre>
 *
 * So a 12 h token (the service default) is reused until 1 h before it expires; a 4 h token until 1 h
 * before; a 2 h token until 30 min before; a 15 min token (the shortest a caller can ask for) until 5 min
 * before. A lifetime that is zero or negative (clock skew), or unknown (no fetch time), gets the 5 min
 * floor. The floor keeps a token from expiring in the middle of a build's downloads; the quarter makes
 * short tokens refresh early enough; the 1 h cap lets long tokens serve most of their life. One exception:
 * within {@link #FRESH} of its fetch an unexpired token is usable whatever its margin, since AWS would give
 * no longer one (a token capped by a role session that ends soon); without it every entry point of a build
 * would fetch it again.
 */
public final class ExpiryMargin {
  /** The floor: the smallest life a token handed to a build must have left. */
  public static final Duration MIN = Duration.ofMinutes(5);
  /** The cap, so a long token serves most of its life. */
  public static final Duration MAX = Duration.ofMinutes(60);
  /** How long after its fetch a token shorter than its margin still counts as usable. */
  public static final Duration FRESH = Duration.ofSeconds(60);

  private ExpiryMargin() {}

  /**
   * The margin of a token fetched at {@code fetchedAt} (null when unknown: the floor) that expires at
   * {@code expiration}.
   */
  public static Duration of(Instant fetchedAt, Instant expiration) {
    if (fetchedAt == null) {
      return MIN;
    }
    Duration quarter = Duration.between(fetchedAt, expiration).dividedBy(4);
    if (quarter.compareTo(MIN) < 0) {
      return MIN;
    }
    if (quarter.compareTo(MAX) > 0) {
      return MAX;
    }
    return quarter;
  }

  /**
   * The rule: true while at least the {@linkplain #of margin} of a token fetched at {@code fetchedAt}
   * (null when unknown) is left before {@code expiration} at {@code now}.
   */
  public static boolean usable(Instant fetchedAt, Instant expiration, Instant now) {
    if (keepsMargin(fetchedAt, expiration, now)) {
      return true;
    }
    // A token fetched less than FRESH ago is the longest AWS gives now (a role session about to end caps it):
    // asking again would get the same short life, so unexpired is enough.
    return fetchedAt != null && now.isBefore(fetchedAt.plus(FRESH)) && !expired(expiration, now);
  }

  /**
   * The margin part of the rule alone, without the {@link #FRESH} exception: whether a token is worth keeping
   * for later builds (the disk cache stores only those).
   */
  public static boolean keepsMargin(Instant fetchedAt, Instant expiration, Instant now) {
    return keeps(expiration, of(fetchedAt, expiration), now);
  }

  /**
   * True when no life at all is left at {@code now}: the same comparison with the smallest margin an
   * {@link Instant} can express (one nanosecond), i.e. {@code expiration <= now}.
   */
  public static boolean expired(Instant expiration, Instant now) {
    return !keeps(expiration, Duration.ofNanos(1), now);
  }

  private static boolean keeps(Instant expiration, Duration margin, Instant now) {
    return !now.plus(margin).isAfter(expiration);
  }
}
