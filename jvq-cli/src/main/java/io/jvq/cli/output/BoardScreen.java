package io.jvq.cli.output;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Draws a {@link LiveBoard} on a terminal a few times a second, over itself, with a status line
 * underneath (the last message of the session's {@link StatusLog}), until stopped.
 */
public final class BoardScreen {
    private final LiveBoard board;
    private final PrintWriter out;
    private final ScheduledExecutorService redraw;
    private volatile String status = "";
    private volatile boolean stopped;

    private BoardScreen(LiveBoard board, PrintWriter out) {
        this.board = board;
        this.out = out;
        this.redraw = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jvq-board");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Clears the screen and redraws {@code board} every {@code period} under {@code header}. */
    public static BoardScreen start(LiveBoard board, PrintWriter out, Supplier<String> header, Duration period) {
        BoardScreen screen = new BoardScreen(board, out);
        out.print("\u001b[2J\u001b[?25l"); // clear the screen, hide the cursor
        screen.redraw.scheduleAtFixedRate(() -> screen.draw(header.get()), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return screen;
    }

    /** Where the session's status lines go: the line under the board; once stopped, lines under it. */
    public void status(String line) {
        if (!stopped) {
            status = line;
            return;
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Stops redrawing and draws the board a last time under {@code header}, cursor back. */
    public void stop(String header) {
        redraw.shutdownNow();
        try {
            redraw.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw(header);
        stopped = true;
        out.print("\u001b[?25h");
        out.flush();
    }

    private void draw(String header) {
        synchronized (out) {
            out.print(board.render(header));
            out.println(status);
            out.flush();
        }
    }
}
