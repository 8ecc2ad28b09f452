package dev.ecsdeck.ui.logs;

import static dev.ecsdeck.ui.UiTestBench.fx;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.css.PseudoClass;
import atlantafx.base.theme.PrimerDark;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The log view alone, fed straight through its view model; drains run on the FX thread as the pane's timer runs them. */
@ExtendWith(ApplicationExtension.class)
class LogTailViewUiTest {
    private static final String T1 = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String T2 = "ffeeddccbbaa99887766554433221100";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private final LogTailViewModel vm = new LogTailViewModel("orders-api (prod)", List.of(
            new LogStreamRef("/ecs/orders", "ecs/api/" + T1, T1, "api"), new LogStreamRef("/ecs/orders", "ecs/api/" + T2, T2, "api")), 1_000);
    private final AtomicReference<Path> saveTo = new AtomicReference<>();
    private LogTailView view;
    private int next;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new LogTailView(vm, new CurrentThreadTaskExecutor(), name -> saveTo.get());
        stage.setScene(new Scene(view.view(), 1000, 500));
        stage.show();
    }

    /** Queues n lines (alternating tasks; every 10th a timeout, every 7th JSON) and drains them as the pane's timer would. */
    private void feed(FxRobot robot, int n) {
        List<LogEvent> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = next++;
            String task = k % 2 == 0 ? T1 : T2;
            String message = k % 10 == 3 ? "ERROR timeout calling payments, line " + k
                    : k % 7 == 0 ? "{\"level\":\"INFO\",\"msg\":\"order created\",\"line\":" + k + "}" : "INFO request handled, line " + k;
            batch.add(new LogEvent("e" + k, "/ecs/orders", "ecs/api/" + task, 1_700_000_000_000L + k, 0, message));
        }
        vm.accept(batch);
        robot.interact(() -> {
            while (vm.drain() > 0) {
                view.afterDrain();
            }
        });
    }

    /** #logLines is the canvas the rows are painted on. */
    private LogCanvas lines(FxRobot robot) {
        return robot.lookup("#logLines").query();
    }

    /** The rows painted in the last frame (on the FX thread). */
    private List<LogCanvas.PaintedRow> painted(FxRobot robot) {
        return lines(robot).painted();
    }

    private boolean painted(FxRobot robot, int index) {
        return painted(robot).stream().anyMatch(r -> r.index() == index);
    }

    private boolean lastRowOnScreen(FxRobot robot) {
        int last = vm.shownRows().size() - 1;
        return view.lastVisibleIndex() == last && painted(robot, last);
    }

    /** The middle of row {@code index} on screen, once it is painted (from the test's thread). */
    private Point2D rowPoint(FxRobot robot, int index) {
        waitUntil("row " + index + " on screen", () -> painted(robot, index));
        return onFx(() -> {
            LogCanvas c = lines(robot);
            return c.localToScreen(200, c.yOf(index) + c.lineHeight() / 2);
        });
    }

    /** Whether row {@code index} is on screen and drawn selected (on the FX thread). */
    private boolean drawnSelected(FxRobot robot, int index) {
        return painted(robot).stream().anyMatch(r -> r.index() == index && r.selected());
    }

    /** The colour on screen at the right end of row {@code index} (past its text), from a snapshot of the log view's rows. */
    private Color colourAtEndOf(FxRobot robot, int index) {
        return onFx(() -> {
            LogCanvas c = lines(robot);
            WritableImage image = c.snapshot(null, null);
            double x = c.canvas().getLayoutX() + c.canvas().getWidth() - 3;
            double y = c.yOf(index) + c.lineHeight() / 2;
            return image.getPixelReader().getColor((int) x, (int) y);
        });
    }

    /** {@code paint} (a colour, maybe translucent) over white, as the light theme's background shows it. */
    private static Color overWhite(Object paint) {
        Color c = (Color) paint;
        double a = c.getOpacity();
        return Color.color(c.getRed() * a + (1 - a), c.getGreen() * a + (1 - a), c.getBlue() * a + (1 - a));
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue()) < 0.05;
    }

    @Test
    void followsNewLinesAndPausingKeepsTheViewWhileLinesKeepArriving(FxRobot robot) {
        feed(robot, 300);
        waitUntil("the newest line on screen", () -> lastRowOnScreen(robot));
        assertTrue(robot.lookup("#logCounters").queryLabeled().getText().startsWith("300 received · 300 shown · 0 dropped"));

        robot.clickOn("#logFollowToggle");
        assertFalse(vm.followProperty().get());
        int first = fx(() -> true) ? view.firstVisibleIndex() : -1;
        LogRow firstRow = vm.shownRows().get(first);
        feed(robot, 500);
        waitUntil("laid out", () -> view.firstVisibleIndex() >= 0);
        assertEquals(first, view.firstVisibleIndex(), "paused: appended lines do not move the view");
        assertEquals(800, vm.receivedProperty().get(), "paused: lines keep coming into the buffer");

        feed(robot, 400); // 1,200 received: the 200 oldest leave the buffer's head, the rows on screen stay
        waitUntil("the same rows on screen after the head drop", () -> vm.shownRows().get(view.firstVisibleIndex()) == firstRow);
        assertTrue(robot.lookup("#logCounters").queryLabeled().getText().contains("200 dropped"));

        robot.clickOn("#logFollowToggle");
        waitUntil("the newest line on screen again", () -> lastRowOnScreen(robot));
    }

    @Test
    void filtersWithHighlightsContextAndAClearErrorForABadRegex(FxRobot robot) {
        feed(robot, 100);
        robot.clickOn("#logFilterField").write("timeout");
        waitUntil("only timeouts shown", () -> vm.shownProperty().get() == 10);
        assertTrue(vm.shownRows().stream().allMatch(r -> r instanceof LogLine l && l.message().contains("timeout")));
        waitUntil("matches highlighted", () -> painted(robot).stream().mapToInt(LogCanvas.PaintedRow::matches).sum() >= 10);

        feed(robot, 20);
        assertEquals(12, vm.shownProperty().get(), "new matching lines join the filtered view");

        robot.clickOn("#logRegexToggle");
        robot.clickOn("#logFilterField").type(KeyCode.END).write("|(");
        waitUntil("a filter error", () -> !vm.filterErrorProperty().get().isEmpty());
        TextField field = robot.lookup("#logFilterField").query();
        assertTrue(field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("danger")));
        assertTrue(robot.lookup("#logFilterError").queryLabeled().getText().startsWith("Filter: invalid regex"));
        assertEquals(12, vm.shownProperty().get(), "the previous view stays");

        robot.type(KeyCode.BACK_SPACE).write("json|\"level\"");
        long expected = vm.lines().stream().filter(l -> l.message().contains("timeout") || l.message().contains("\"level\"")).count();
        assertEquals(12 + 17, expected);
        waitUntil("regex applied", () -> vm.filterErrorProperty().get().isEmpty() && vm.shownProperty().get() == expected);
        assertFalse(field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("danger")));

        robot.interact(field::clear);
        robot.clickOn("#logFilterField").write("line 33");
        waitUntil("one line", () -> vm.shownProperty().get() == 1);
        robot.interact(() -> vm.contextLinesProperty().set(0));
        robot.clickOn("#logContextSpinner .increment-arrow-button");
        waitUntil("with a line of context either side", () -> vm.shownProperty().get() == 3);
        waitUntil("context lines dimmed", () -> painted(robot).size() == 3 && painted(robot).stream().filter(LogCanvas.PaintedRow::context).count() == 2);
    }

    @Test
    void copiesTheSelectedLinesWithCtrlCAndTheButton(FxRobot robot) {
        feed(robot, 20);
        robot.clickOn("#logTimestampsToggle"); // off
        waitUntil("no timestamps on screen", () -> !painted(robot).isEmpty() && painted(robot).stream().noneMatch(LogCanvas.PaintedRow::time));
        robot.interact(() -> {
            vm.followProperty().set(false);
            lines(robot).show(0);
        });
        // A click selects a row (drawn as selected), Shift+click extends to another.
        robot.clickOn(rowPoint(robot, 1));
        waitUntil("row 1 drawn selected", () -> drawnSelected(robot, 1));
        robot.press(KeyCode.SHIFT).clickOn(rowPoint(robot, 2)).release(KeyCode.SHIFT);
        assertEquals(List.of(1, 2), onFx(() -> view.selection().indices()));
        waitUntil("rows 1 and 2 drawn selected, row 3 not", () -> drawnSelected(robot, 1) && drawnSelected(robot, 2)
                && painted(robot, 3) && !drawnSelected(robot, 3));
        Color selectedPixel = colourAtEndOf(robot, 2);
        Color expectedPixel = overWhite(onFx(() -> lines(robot).palette().selectedBackground()));
        assertTrue(near(expectedPixel, selectedPixel), "the selected background is painted: " + selectedPixel + ", expected " + expectedPixel);
        assertTrue(near(Color.WHITE, colourAtEndOf(robot, 3)), "an unselected row is not");
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        String expected = "ffeeddcc/api  INFO request handled, line 1\n0a1b2c3d/api  INFO request handled, line 2\n";
        waitUntil("copied with Ctrl+C", () -> expected.equals(Clipboard.getSystemClipboard().getString()));

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn("#logCopyButton");
        waitUntil("copied with the button", () -> expected.equals(Clipboard.getSystemClipboard().getString()));
        assertEquals("Copied 2 lines", robot.lookup("#logNotice").queryLabeled().getText());

        // Keys: Shift+Down extends, Ctrl+A takes every row.
        robot.clickOn(rowPoint(robot, 1));
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN, KeyCode.DOWN).release(KeyCode.SHIFT);
        assertEquals(List.of(1, 2, 3), onFx(() -> view.selection().indices()));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertEquals(20, onFx(() -> view.selection().count()));

        robot.clickOn("#logTimestampsToggle"); // on
        waitUntil("timestamps on screen", () -> painted(robot).stream().anyMatch(LogCanvas.PaintedRow::time));
    }

    @Test
    void theSelectionStaysOnItsLinesWhenOlderLinesLeaveTheBuffer(FxRobot robot) {
        feed(robot, 900);
        robot.interact(() -> {
            vm.followProperty().set(false);
            lines(robot).show(850);
        });
        robot.clickOn(rowPoint(robot, 860));
        LogRow picked = onFx(() -> vm.shownRows().get(860));
        feed(robot, 300); // 1,200 received into 1,000: the 200 oldest leave
        assertEquals(List.of(660), onFx(() -> view.selection().indices()), "the selected line moved up with the rows");
        assertEquals(picked, onFx(() -> vm.shownRows().get(660)));
        waitUntil("still drawn selected", () -> drawnSelected(robot, 660));
    }

    @Test
    void wrapsLongLinesOnDemand(FxRobot robot) {
        vm.accept(List.of(new LogEvent("long", "/ecs/orders", "ecs/api/" + T1, 1_700_000_000_000L, 0, "WARN " + "a long line ".repeat(40))));
        robot.interact(() -> {
            vm.drain();
            view.afterDrain();
        });
        double viewport = onFx(() -> lines(robot).canvas().getWidth());
        waitUntil("one line, wider than the view", () -> row0(robot).width() > viewport);
        double oneLine = onFx(() -> row0(robot).height());
        assertTrue(oneLine > 0 && oneLine < 30, "one line tall: " + oneLine);
        robot.clickOn("#logWrapToggle");
        waitUntil("wrapped to the view's width", () -> {
            LogCanvas.PaintedRow row = row0(robot);
            return row.height() > 2.5 * oneLine && row.width() <= lines(robot).canvas().getWidth() + 1;
        });
        robot.clickOn("#logWrapToggle");
        waitUntil("one line again", () -> Math.abs(row0(robot).height() - oneLine) < 0.5);
    }

    /** The first row as painted (on the FX thread; the canvas always shows it here). */
    private LogCanvas.PaintedRow row0(FxRobot robot) {
        return painted(robot).stream().filter(r -> r.index() == 0).findFirst().orElse(new LogCanvas.PaintedRow(0, 0, 0, 0, false, false, 0, false));
    }

    @Test
    void paintsInTheThemesColours(FxRobot robot) {
        feed(robot, 10);
        LogPalette palette = onFx(() -> lines(robot).palette());
        waitUntil("painted", () -> painted(robot, 9));
        Object lightText = onFx(() -> palette.level(null));
        assertTrue(onFx(() -> !palette.level("error").equals(palette.level(null)) && !palette.source(0).equals(palette.source(1))),
                "errors and each task in colours of their own");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        try {
            waitUntil("the dark theme's colours", () -> !palette.level(null).equals(lightText));
            waitUntil("repainted on the dark background", () -> {
                Color c = colourAtEndOf(robot, 9);
                return c.getBrightness() < 0.3;
            });
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        }
    }

    @Test
    void showsTheSelectedJsonLinePrettyPrinted(FxRobot robot) {
        feed(robot, 10);
        robot.interact(() -> vm.followProperty().set(false));
        robot.clickOn(rowPoint(robot, 7));
        robot.clickOn("#logDetailsToggle");
        TextArea details = robot.lookup("#logDetailArea").query();
        waitUntil("details shown", () -> details.getScene() != null && details.getText().contains("\"msg\" : \"order created\""));
        assertTrue(details.getText().contains("\n  \"line\" : 7\n"), details.getText());
        robot.clickOn("#logDetailsToggle");
        waitUntil("details hidden", () -> details.getScene() == null);
        robot.doubleClickOn(rowPoint(robot, 2));
        waitUntil("a double-click opens the details", () -> details.getScene() != null && details.getText().contains("line 2"));
    }

    @Test
    void savesTheShownLinesAndTheWholeBuffer(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        feed(robot, 30);
        robot.clickOn("#logTimestampsToggle"); // off
        robot.clickOn("#logFilterField").write("timeout");
        waitUntil("filtered", () -> vm.shownProperty().get() == 3);

        saveTo.set(dir.resolve("shown.log"));
        robot.clickOn("#logSaveButton").clickOn("Shown lines…");
        waitUntil("saved", () -> vm.noticeProperty().get().startsWith("Saved 3 lines"));
        assertEquals(IntStream.of(3, 13, 23).mapToObj(k -> (k % 2 == 0 ? "0a1b2c3d" : "ffeeddcc") + "/api  ERROR timeout calling payments, line " + k).toList(),
                Files.readAllLines(dir.resolve("shown.log"), StandardCharsets.UTF_8));

        saveTo.set(dir.resolve("all.log"));
        robot.clickOn("#logSaveButton").clickOn("Whole buffer…");
        waitUntil("saved all", () -> vm.noticeProperty().get().startsWith("Saved 30 lines"));
        assertEquals(30, Files.readAllLines(dir.resolve("all.log"), StandardCharsets.UTF_8).size());

        saveTo.set(dir.resolve("no-such-dir").resolve("x.log"));
        robot.clickOn("#logSaveButton").clickOn("Whole buffer…");
        waitUntil("a clear error", () -> vm.noticeProperty().get().startsWith("Could not save to " + saveTo.get()));
    }

    @Test
    void everyControlHasALogId(FxRobot robot) {
        for (String id : List.of("#logFollowToggle", "#logFilterField", "#logRegexToggle", "#logContextSpinner", "#logTimestampsToggle",
                "#logWrapToggle", "#logDetailsToggle", "#logCopyButton", "#logSaveButton", "#logCounters", "#logStatusLabel", "#logLines")) {
            Node n = robot.lookup(id).query();
            assertTrue(n.getId().startsWith("log"), id);
        }
    }
}
