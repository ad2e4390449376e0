package io.jvq.bench.frames;

/** Who writes the benchmark frames. */
public enum FrameSource {
    /** The testkit's market simulator (the project's shared model of the market). */
    SIMULATOR {
        @Override
        public FrameCorpus generate(FrameMix mix, int frameBytes, long totalBytes, long seed) {
            return SimulatorFrames.generate(mix, frameBytes, totalBytes, seed);
        }
    },
    /** This module's own generator: skewed activity, one to a dozen trades a line. */
    SYNTHETIC {
        @Override
        public FrameCorpus generate(FrameMix mix, int frameBytes, long totalBytes, long seed) {
            return FrameCorpus.generate(mix, frameBytes, totalBytes, seed);
        }
    };

    public abstract FrameCorpus generate(FrameMix mix, int frameBytes, long totalBytes, long seed);
}
