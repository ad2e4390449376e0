// interim: replaced by the codec branch
package io.jvq.core.codec;

/** A level-1 snapshot being decoded. The interim decoder never produces one. */
public final class Level1View {
    Level1View() {
    }
}
