package io.jvq.bench.frames;

/** Which kind of lines a generated frame carries. */
public enum FrameMix {
    /** Level-1 snapshots only (about 200 bytes a line, one snapshot each). */
    LV1,
    /** Level-2 trades only (one to a dozen trades a line, about 30 bytes a trade). */
    LV2
}
