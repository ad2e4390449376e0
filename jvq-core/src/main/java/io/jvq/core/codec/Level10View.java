// interim: replaced by the codec branch
package io.jvq.core.codec;

/** A ten-level book being decoded. The interim decoder never produces one. */
public final class Level10View {
    Level10View() {
    }
}
