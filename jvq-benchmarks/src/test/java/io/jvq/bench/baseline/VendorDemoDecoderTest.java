package io.jvq.bench.baseline;

import io.jvq.bench.frames.Deflate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorDemoDecoderTest {
    private final VendorDemoDecoder decoder = new VendorDemoDecoder();

    @Test
    void decodesTradesAndSnapshotsOfAFrameInOrder() throws Exception {
        String text = "lv2_600519=09:30:00.120,1234567,1700.50,100|09:30:00.120,1234568,1700.49,300\n"
                + "lv1_000001=14:59:59,平安银行,10.50,-1.23,12345678,129629629.50,"
                + "100,10.49,200,10.48,300,10.47,400,10.46,500,10.45,"
                + "600,10.51,700,10.52,800,10.53,900,10.54,1000,10.55\n";
        List<Object> records = decoder.decode(Deflate.raw(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isEqualTo(new VendorDemoDecoder.Trade("lv2_600519", "09:30:00.120", 1234567, 1700.50, 100));
        assertThat(records.get(1)).isEqualTo(new VendorDemoDecoder.Trade("lv2_600519", "09:30:00.120", 1234568, 1700.49, 300));
        VendorDemoDecoder.Snapshot snapshot = (VendorDemoDecoder.Snapshot) records.get(2);
        assertThat(snapshot.name()).isEqualTo("平安银行");
        assertThat(snapshot.price()).isEqualTo(10.50);
        assertThat(snapshot.changePercent()).isEqualTo(-1.23);
        assertThat(snapshot.book()).hasSize(20).startsWith(100, 10.49).endsWith(1000, 10.55);
    }

    @Test
    void aTradeWithMissingFieldsIsAnErrorThatShowsIt() {
        byte[] frame = Deflate.raw("lv2_600519=09:30:00.120,1234567,1700.50\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> decoder.decode(frame))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 fields").hasMessageContaining("09:30:00.120,1234567,1700.50");
    }

    @Test
    void aTruncatedFrameDoesNotInflate() {
        byte[] frame = Deflate.raw("lv2_600519=09:30:00.120,1234567,1700.50,100\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        byte[] truncated = java.util.Arrays.copyOf(frame, frame.length / 2);
        assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(java.util.zip.DataFormatException.class);
    }
}
