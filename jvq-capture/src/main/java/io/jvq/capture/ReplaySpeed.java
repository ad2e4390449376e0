package io.jvq.capture;

/**
 * How fast a capture is replayed: the recorded gaps between entries as they were, scaled, or
 * skipped. Stall faults always last as recorded, scaled with the gaps; with
 * {@link #asFastAsPossible()} they keep their recorded length, because a stall is a fault to
 * exercise rather than a wait to skip.
 */
public final class ReplaySpeed {
    private static final ReplaySpeed AS_FAST_AS_POSSIBLE = new ReplaySpeed(0);
    private static final ReplaySpeed AS_RECORDED = new ReplaySpeed(1.0);

    /** Playback speed: 1 = as recorded, 2 = twice as fast, 0 = no waiting. */
    private final double speed;

    private ReplaySpeed(double speed) {
        this.speed = speed;
    }

    public static ReplaySpeed asRecorded() {
        return AS_RECORDED;
    }

    /** {@code speed} times as fast as recorded: {@code scaled(10)} turns a 1 s gap into 100 ms. */
    public static ReplaySpeed scaled(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be a positive finite factor, got " + speed);
        }
        return new ReplaySpeed(speed);
    }

    public static ReplaySpeed asFastAsPossible() {
        return AS_FAST_AS_POSSIBLE;
    }

    /** How long to wait in place of a recorded gap of {@code recordedMillis}. */
    public long gapMillis(long recordedMillis) {
        return speed == 0 ? 0 : (long) (recordedMillis / speed);
    }

    /** How long a recorded stall of {@code recordedMillis} lasts on replay. */
    public long stallMillis(long recordedMillis) {
        return speed == 0 ? recordedMillis : (long) (recordedMillis / speed);
    }

    @Override
    public String toString() {
        return speed == 0 ? "asFastAsPossible" : speed == 1.0 ? "asRecorded" : "scaled(" + speed + ")";
    }
}
