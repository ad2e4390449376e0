package io.jvq.cli.output;

import io.jvq.core.event.ServerText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveBoardTest {
    private final LiveBoard board = new LiveBoard(List.of("600519", "000001"), Palette.NONE, 3);

    private static String visible(String screen) {
        return screen.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
    }

    @Test
    void rowsWaitForTheirFirstSnapshotInSubscriptionOrder() {
        String screen = visible(board.render("jvq demo"));
        assertThat(screen).startsWith("jvq demo\n");
        assertThat(screen.indexOf("600519")).isLessThan(screen.indexOf("000001"));
        assertThat(screen).contains("600519 waiting for the first snapshot");
    }

    @Test
    void aSnapshotReplacesItsRowAndKeepsTheOthers() {
        board.write(Events.moutai("1700.50", "1.23"));
        board.write(Events.moutai("1701.00", "1.26"));
        String screen = visible(board.render("h"));
        assertThat(screen).contains("600519 贵州茅台").contains("1701.00").contains("+1.26%")
                .doesNotContain("1700.50 ").contains("000001 waiting");
        assertThat(screen.lines().filter(l -> l.startsWith("600519"))).hasSize(1);
    }

    @Test
    void chineseNamesTakeTwoColumnsSoColumnsLineUp() {
        board.write(Events.moutai("1700.50", "1.23"));
        String row = visible(board.render("h")).lines().filter(l -> l.startsWith("600519")).findFirst().orElseThrow();
        String header = visible(board.render("h")).lines().filter(l -> l.startsWith("code")).findFirst().orElseThrow();
        // price column ends at the same display column as its heading
        int priceEnd = DisplayWidth.of(row.substring(0, row.indexOf("1700.50") + "1700.50".length()));
        int headingEnd = DisplayWidth.of(header.substring(0, header.indexOf("price") + "price".length()));
        assertThat(priceEnd).isEqualTo(headingEnd);
    }

    @Test
    void tapeKeepsTheLatestTradesNewestLast() {
        for (int i = 1; i <= 5; i++) {
            board.write(Events.trade("600519", i, "1700.5" + i, 100));
        }
        String screen = visible(board.render("h"));
        assertThat(screen).doesNotContain("#1 ").doesNotContain("#2 ");
        assertThat(screen.indexOf("#3 ")).isLessThan(screen.indexOf("#4 "));
        assertThat(screen.indexOf("#4 ")).isLessThan(screen.indexOf("#5 "));
    }

    @Test
    void serverRepliesShowUnderTheTape() {
        board.write(new ServerText("all ok: lv1_600519"));
        assertThat(visible(board.render("h"))).contains("server: all ok: lv1_600519");
    }

    @Test
    void eachRedrawStartsTopLeftAndClearsWhatTheLastOneLeft() {
        String screen = board.render("h");
        assertThat(screen).startsWith("\u001b[H").endsWith("\u001b[J");
    }
}
