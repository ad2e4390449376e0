package io.jvq.bench.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The send log carries the sender's notes from one mapping of a file to another. */
class SendLogTest {
    @TempDir
    Path dir;

    @Test
    void whatTheCreatingSideWritesTheOpeningSideReads() {
        Path file = dir.resolve("log");
        SendLog writer = SendLog.create(file, 3);
        SendLog reader = SendLog.open(file);

        assertThat(reader.slots()).isEqualTo(3);
        assertThat(reader.frame(0)).as("no frame sent yet").isEqualTo(-1);

        writer.sending(2, 41, 1_000L, 1_250L);
        writer.sent(42, 19_000);

        assertThat(reader.frame(2)).isEqualTo(41);
        assertThat(reader.due(2)).isEqualTo(1_000L);
        assertThat(reader.sent(2)).isEqualTo(1_250L);
        assertThat(reader.framesSent()).isEqualTo(42);
        assertThat(reader.tradesSent()).isEqualTo(19_000);
        assertThat(reader.frame(1)).isEqualTo(-1);

        // A slot reused by a later frame shows the later frame's number and times.
        writer.sending(2, 44, 3_000L, 3_100L);
        assertThat(reader.frame(2)).isEqualTo(44);
        assertThat(reader.sent(2)).isEqualTo(3_100L);
    }

    @Test
    void aFileThatIsNotASendLogIsRefusedWithWhatIsWrong() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));
        Path cut = dir.resolve("cut");
        SendLog.create(cut, 8);
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 24));

        assertThatThrownBy(() -> SendLog.open(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a send log").hasMessageContaining("0 bytes");
        assertThatThrownBy(() -> SendLog.open(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("says 8 slots");
    }

    @Test
    void aLogHasAtLeastOneSlot() {
        assertThatThrownBy(() -> SendLog.inMemory(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
