package io.jvq.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quote pushes: raw DEFLATE, one frame per push, each connection only its codes. */
class PushTest {
    static final String MOUTAI = "lv1_600519=14:59:59,贵州茅台,1700.50,1.23,12345678,20987654321.50,"
            + "100,1700.49,200,1700.48,300,1700.47,400,1700.46,500,1700.45,"
            + "100,1700.50,200,1700.51,300,1700.52,400,1700.53,500,1700.54";
    static final String PINGAN_TRADES = "lv2_000001=09:30:00.120,1234567,11.50,100|09:30:00.120,1234568,11.49,300";

    private final FakeJvQuant server = FakeJvQuant.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void sendsEachConnectionOnlyTheLinesOfItsCodes() {
        try (WsProbe level1 = WsProbe.connect(server); WsProbe level2 = WsProbe.connect(server);
             WsProbe nothing = WsProbe.connect(server)) {
            level1.command("all=lv1_600519");
            level2.command("all=lv2_000001,lv1_000002");

            int sent = server.pushQuotes(MOUTAI + "\n" + PINGAN_TRADES + "\n");
            server.pushText("end of test");

            assertThat(sent).isEqualTo(2);
            assertThat(level1.nextBinary().inflated()).isEqualTo(MOUTAI + "\n");
            assertThat(level2.nextBinary().inflated()).isEqualTo(PINGAN_TRADES + "\n");
            assertThat(nothing.nextText()).isEqualTo("end of test");
        }
    }

    @Test
    void sendsTheExactTextWhenAConnectionTakesEveryLine() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519,lv2_000001");
            String text = MOUTAI + "\r\n\n" + PINGAN_TRADES;

            server.pushQuotes(text);

            assertThat(client.nextBinary().inflated()).isEqualTo(text);
        }
    }

    @Test
    void framesAreRawDeflateWithoutAZlibHeader() throws Exception {
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_600519");
            server.pushQuotes(MOUTAI);
            byte[] frame = client.nextBinary().bytes();

            Inflater raw = new Inflater(true);
            raw.setInput(frame);
            byte[] out = new byte[4096];
            int n = raw.inflate(out);
            assertThat(raw.finished()).isTrue();
            assertThat(new String(out, 0, n, StandardCharsets.UTF_8)).isEqualTo(MOUTAI);

            Inflater zlib = new Inflater(false);
            zlib.setInput(frame);
            assertThatThrownBy(() -> zlib.inflate(new byte[4096])).isInstanceOf(DataFormatException.class);
        }
    }

    @Test
    void refusesToPushABadLineByAccidentAndNamesIt() {
        assertThatThrownBy(() -> server.pushQuotes(MOUTAI + "\nno code here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("quote line 2 has no '<code>=' prefix: 'no code here'")
                .hasMessageContaining("pushMalformedLines");
        assertThatThrownBy(() -> server.pushQuotes("lv3_600519=1"))
                .hasMessageStartingWith("quote line 1: invalid subscription code 'lv3_600519'");
    }

    @Test
    void pushesMalformedLinesToEveryConnectionWhateverItsSubscription() {
        try (WsProbe client = WsProbe.connect(server)) {
            client.command("all=lv1_000001");

            assertThat(server.pushMalformedLines("garbage", "lv1_600519=1,2,3")).isEqualTo(1);

            assertThat(client.nextBinary().inflated()).isEqualTo("garbage\nlv1_600519=1,2,3");
        }
    }

    @Test
    void pushesExactBytesAndTextToEveryConnection() {
        try (WsProbe a = WsProbe.connect(server); WsProbe b = WsProbe.connect(server)) {
            server.awaitConnections(2, WsProbe.WAIT);
            byte[] bytes = {0, 1, 2, (byte) 0xff};

            assertThat(server.pushBinary(bytes)).isEqualTo(2);
            assertThat(server.pushText("hello")).isEqualTo(2);

            assertThat(a.nextBinary().bytes()).containsExactly(bytes);
            assertThat(b.nextBinary().bytes()).containsExactly(bytes);
            assertThat(a.nextText()).isEqualTo("hello");
            assertThat(b.nextText()).isEqualTo("hello");
        }
    }

    @Test
    void pushesAFrameARawInflaterRejects() {
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);
            server.pushNotDeflate();

            byte[] frame = client.nextBinary().bytes();
            assertThat(frame).containsExactly(FakeJvQuant.notRawDeflateBytes());
            assertThatThrownBy(() -> RawDeflate.inflate(frame, 1 << 20)).isInstanceOf(DataFormatException.class);
        }
    }

    @Test
    void pushesASmallFrameThatInflatesToTheAskedSize() throws Exception {
        try (WsProbe client = WsProbe.connect(server)) {
            server.awaitConnections(1, WsProbe.WAIT);
            long size = 32L * 1024 * 1024;

            server.pushBomb(size);

            byte[] frame = client.nextBinary().bytes();
            assertThat(frame.length).isLessThan(64 * 1024);
            assertThat(RawDeflate.inflate(frame, size)).hasSize((int) size);
            assertThatThrownBy(() -> RawDeflate.inflate(frame, size - 1))
                    .hasMessageContaining("inflates past " + (size - 1));
        }
    }

    @Test
    void pushReturnsZeroWithoutConnections() {
        assertThat(server.pushQuotes(MOUTAI)).isZero();
        assertThat(server.pushText("x")).isZero();
    }
}
