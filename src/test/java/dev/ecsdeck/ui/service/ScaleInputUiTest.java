package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.answerDialog;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Typing in the desired-count spinner, the typed-name question answered with Enter, and the scaling
 * line staying true when the service changes behind the panel's back — in the real window.
 */
@ExtendWith(ApplicationExtension.class)
class ScaleInputUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private ServicePanel openWeb(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "web");
        waitUntil("four tasks", () -> panel.scaler().desiredProperty().get() == 4
                && "4".equals(spinnerField(robot).getText()));
        return panel;
    }

    private static TextField spinnerField(FxRobot robot) {
        return robot.lookup("#desiredSpinner").queryAs(Spinner.class).getEditor();
    }

    private static Button apply(FxRobot robot) {
        return robot.lookup("#applyScaleButton").queryButton();
    }

    private static String progress(FxRobot robot) {
        return robot.lookup("#scaleProgress").queryAs(Label.class).getText();
    }

    /** Clicks into the spinner's field, selects all and types. */
    private static void typeCount(FxRobot robot, String text) {
        robot.clickOn(spinnerField(robot)).press(KeyCode.SHORTCUT).type(KeyCode.A).release(KeyCode.SHORTCUT).write(text);
    }

    private static Node confirmButton(FxRobot robot) {
        return robot.lookup(".dialog-pane").lookup((java.util.function.Predicate<Node>) n ->
                n instanceof Button b && "Confirm".equals(b.getText())).query();
    }

    private void advance(ServicePanel panel, Duration by) {
        PanelClock.advance(bench, panel, by);
    }

    private void advanceUntil(ServicePanel panel, String what, Duration step, int steps, BooleanSupplier condition) {
        PanelClock.advanceUntil(bench, panel, what, step, steps, condition);
    }

    private int desiredInSimulator() {
        return bench.backend.describeServices("prod-web", List.of("web")).get(0).desiredCount();
    }

    @Test
    void aTypedCountTurnsApplyOnAtOnceAndApplyAsks(FxRobot robot) {
        openWeb(robot);
        assertTrue(apply(robot).isDisabled(), "nothing dialled yet");
        typeCount(robot, "5");
        assertFalse(apply(robot).isDisabled(), "typing 5 is enough: no click elsewhere, no Enter");
        assertTrue(spinnerField(robot).isFocused(), "the keyboard is still in the field");

        robot.clickOn(apply(robot));
        waitUntil("the question", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertEquals("Scale service web in prod-web from 4 to 5 tasks?", robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText());
        answerDialog(robot, "Cancel");
        waitUntil("not scaled", () -> "Not scaled.".equals(progress(robot)));
        assertEquals(4, desiredInSimulator());
    }

    @Test
    void textThatIsNoCountTurnsApplyOffAndSaysWhy(FxRobot robot) {
        openWeb(robot);
        typeCount(robot, "5");
        assertFalse(apply(robot).isDisabled());
        typeCount(robot, "five");
        assertTrue(apply(robot).isDisabled(), "no count, no Apply");
        Label problem = robot.lookup("#scaleProblem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertThat(problem.getText(), containsString("whole number"));
        typeCount(robot, "3");
        assertFalse(apply(robot).isDisabled());
        assertFalse(problem.isVisible());
    }

    @Test
    void enterConfirmsScalingToZeroOnceTheNameIsTyped(FxRobot robot) {
        ServicePanel panel = openWeb(robot);
        typeCount(robot, "0");
        robot.clickOn(apply(robot));
        waitUntil("the typed question, the keyboard in its field", () -> robot.lookup("#typedConfirmation").tryQuery()
                .map(Node::isFocused).orElse(false));
        assertTrue(confirmButton(robot).isDisabled());
        robot.clickOn(robot.lookup("#typedConfirmation").queryAs(TextField.class)).write("web");
        assertFalse(confirmButton(robot).isDisabled(), "the name typed");
        robot.type(KeyCode.ENTER);
        waitUntil("the question answered", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        waitUntil("the simulator at 0", () -> desiredInSimulator() == 0);
        advanceUntil(panel, "scaled to 0", Duration.ofSeconds(30), 6, () -> progress(robot).startsWith("Steady at 0"));
    }

    @Test
    void enterWithAWrongNameDoesNotConfirmNorCancel(FxRobot robot) {
        openWeb(robot);
        typeCount(robot, "0");
        robot.clickOn(apply(robot));
        waitUntil("the typed question, the keyboard in its field", () -> robot.lookup("#typedConfirmation").tryQuery()
                .map(Node::isFocused).orElse(false));
        robot.clickOn(robot.lookup("#typedConfirmation").queryAs(TextField.class)).write("wev");
        TextField typed = robot.lookup("#typedConfirmation").queryAs(TextField.class);
        assertEquals("wev", typed.getText());
        robot.type(KeyCode.ENTER);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#typedConfirmation").tryQuery().isPresent(), "the question stays open for the name to be corrected");
        assertTrue(confirmButton(robot).isDisabled());
        answerDialog(robot, "Cancel");
        waitUntil("not scaled", () -> "Not scaled.".equals(progress(robot)));
        assertEquals(4, desiredInSimulator());
    }

    @Test
    void steadyAtNeverShowsWhileTheDesiredCountIsAnother(FxRobot robot) {
        ServicePanel panel = openWeb(robot);
        typeCount(robot, "5");
        robot.clickOn(apply(robot));
        answerDialog(robot, "Confirm");
        advanceUntil(panel, "steady at 5", Duration.ofSeconds(30), 10, () -> "Steady at 5 tasks.".equals(progress(robot)));

        // Auto scaling (or anyone else) sets 6 behind the panel's back.
        bench.backend.updateService(ServiceUpdate.desiredCount("prod-web", "web", 6));
        advance(panel, Duration.ofSeconds(2));
        waitUntil("the panel read 6", () -> panel.model().serviceProperty().get().desiredCount() == 6);
        assertNotEquals("Steady at 5 tasks.", progress(robot));
        assertFalse(progress(robot).contains("Steady"), progress(robot));
        for (int i = 0; i < 6; i++) {
            advance(panel, Duration.ofSeconds(30));
            assertFalse(progress(robot).startsWith("Steady at 5"), "never steady at 5 while 6 are desired");
        }
    }

    @Test
    void steadyAtGoesWhenARolloutStarts(FxRobot robot) {
        ServicePanel panel = openWeb(robot);
        typeCount(robot, "5");
        robot.clickOn(apply(robot));
        answerDialog(robot, "Confirm");
        advanceUntil(panel, "steady at 5", Duration.ofSeconds(30), 10, () -> "Steady at 5 tasks.".equals(progress(robot)));

        bench.backend.updateService(ServiceUpdate.forceNewDeployment("prod-web", "web"));
        advance(panel, Duration.ofSeconds(2));
        waitUntil("the rollout read", () -> panel.model().serviceProperty().get().deployments().size() > 1);
        assertEquals("", progress(robot), "a rollout is not steady");
    }
}
