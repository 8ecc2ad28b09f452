package dev.ecsdeck.ui.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.AccessDeniedException;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.deploy.DeployQuestion;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Register and Deploy check the images in the account's ECR first (on {@link EcrTestProvider}, a test
 * double of ECR over the demo): a missing tag is named with its container, and nothing happens until the
 * user says go on; a check that cannot run says so in one line and does not stop the user.
 */
class ImageCheckBeforeRegisterAndDeployTest {
    private static final String GOOD = EcrTestProvider.REGISTRY + "orders-api:3.4.1";
    private static final String TYPO = EcrTestProvider.REGISTRY + "orders-api:3.4.7";

    private final DemoSim sim = new DemoSim();
    private final EcrTestProvider provider = new EcrTestProvider(sim.provider);
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final List<String> asked = new ArrayList<>();
    private boolean goOn;
    private final Confirmer confirmer = new Confirmer() {
        @Override
        public boolean confirm(String title, String message) {
            throw new AssertionError("asked without naming the answers: " + message);
        }

        @Override
        public boolean confirm(String title, String message, String yes, String no) {
            asked.add(title + " [" + yes + " / " + no + "]\n" + message);
            return goOn;
        }
    };
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        sim.provider.close();
    }

    private TaskDefinitionEditorViewModel editorOnOrdersApi() {
        TaskDefinitionEditorViewModel vm = new TaskDefinitionEditorViewModel(provider, new CurrentThreadTaskExecutor(), confirmer, readOnly,
                new DraftStore(dir.resolve("drafts")), java.time.Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        vm.open("orders-api:1");
        assertThat(vm.textProperty().get(), containsString(GOOD));
        return vm;
    }

    private int revisions() {
        return sim.provider.listTaskDefinitions("orders-api", false).size();
    }

    @Test
    void aMistypedTagIsNamedBeforeRegisterAndGoingBackKeepsTheText() {
        TaskDefinitionEditorViewModel vm = editorOnOrdersApi();
        int before = revisions();
        vm.formEdited(d -> d.image(0, TYPO));
        String typed = vm.textProperty().get();
        goOn = false;
        vm.register();
        assertEquals(1, asked.size());
        assertEquals("Image not found [Register anyway / Go back]\nContainer orders-api: image " + TYPO
                + " — tag 3.4.7 not found in repository orders-api (newest tags: 3.4.1, stable, 3.4.0)\n\n"
                + "Tasks cannot start from an image that is not there (CannotPullContainerError). Register anyway, or go back and fix the image?",
                asked.get(0));
        assertEquals(before, revisions(), "not registered");
        assertEquals(typed, vm.textProperty().get(), "the text is kept");
        assertThat(vm.messageProperty().get(), containsString("Not registered: Container orders-api: image " + TYPO));
        assertThat(vm.messageProperty().get(), containsString("Your text is kept."));

        goOn = true;
        vm.register();
        assertEquals(before + 1, revisions(), "registered when the user said go on");
        assertThat(sim.provider.describeTaskDefinition("orders-api").json(), containsString(TYPO));
        assertEquals("Registered orders-api:" + (before + 1) + ".", vm.messageProperty().get());
    }

    @Test
    void anImageThatIsThereRegistersWithoutAQuestionAndOtherRegistriesAreNotRead() {
        TaskDefinitionEditorViewModel vm = editorOnOrdersApi();
        vm.formEdited(d -> d.image(0, EcrTestProvider.REGISTRY + "orders-api:3.4.0"));
        vm.register();
        assertTrue(asked.isEmpty(), asked.toString());
        assertEquals(List.of("DescribeRepositories", "DescribeImages orders-api"), provider.calls);
        assertThat(vm.messageProperty().get(), containsString("Registered orders-api:"));

        provider.calls.clear();
        vm.formEdited(d -> d.image(0, "public.ecr.aws/nginx/nginx:1.25-alpine"));
        vm.register();
        assertTrue(asked.isEmpty(), asked.toString());
        assertEquals(List.of(), provider.calls, "no image in ECR: nothing to look up, and nothing said about it");
        assertThat(vm.messageProperty().get(), containsString("Registered orders-api:"));
        assertFalse(vm.messageProperty().get().contains("image"), vm.messageProperty().get());
    }

    @Test
    void aCheckThatCannotRunSaysSoInOneLineAndRegisters() {
        TaskDefinitionEditorViewModel vm = editorOnOrdersApi();
        int before = revisions();
        provider.failure = new AccessDeniedException(Operation.DESCRIBE_REPOSITORIES, "AccessDeniedException",
                "User is not authorized to perform: ecr:DescribeRepositories", null);
        vm.formEdited(d -> d.image(0, TYPO));
        vm.register();
        assertTrue(asked.isEmpty(), asked.toString());
        assertEquals(before + 1, revisions());
        String message = vm.messageProperty().get();
        assertThat(message, containsString("Registered orders-api:" + (before + 1) + ". Images not checked: "));
        assertThat(message, containsString("ecr:DescribeRepositories"));
        assertEquals(1, message.lines().count(), message);
    }

    /** The deploy question as the editor and the service panel put it: for a revision whose tag is not in ECR. */
    @Test
    void aMissingTagStopsDeployUntilDeployAnyway() {
        String json = sim.provider.describeTaskDefinition("orders-api:1").json().replace(GOOD, TYPO);
        TaskDefinition typo = sim.provider.registerTaskDefinition(json);
        List<DeployQuestion> questions = new ArrayList<>();
        List<DeployQuestion.Deployed> deployed = new ArrayList<>();
        DeployQuestion.open(provider, new CurrentThreadTaskExecutor(), readOnly, "prod-web", "orders-api", typo, questions::add,
                error -> { throw new AssertionError(error); });
        DeployQuestion q = questions.get(0);
        q.onDeployed(deployed::add);
        String runsBefore = sim.provider.describeServices("prod-web", List.of("orders-api")).get(0).taskDefinition();

        q.deploy();
        assertEquals("Container orders-api: image " + TYPO + " — tag 3.4.7 not found in repository orders-api (newest tags: 3.4.1, stable, 3.4.0)",
                q.imageWarningProperty().get());
        assertThat(q.statusProperty().get(), containsString("Not deployed: tasks cannot start from an image that is not there."));
        assertTrue(deployed.isEmpty());
        assertFalse(q.finishedProperty().get(), "the question stays: cancel and fix, or deploy anyway");
        assertEquals(runsBefore, sim.provider.describeServices("prod-web", List.of("orders-api")).get(0).taskDefinition());

        q.deployAnyway();
        assertEquals(1, deployed.size());
        assertEquals(typo.taskDefinitionArn(), sim.provider.describeServices("prod-web", List.of("orders-api")).get(0).taskDefinition());
        assertEquals("", deployed.get(0).imageNote());
    }

    @Test
    void aDeployWhoseCheckCannotRunGoesOnAndSaysSo() {
        provider.failure = new UnsupportedOperationException("This backend cannot list ECR repositories");
        TaskDefinition same = sim.provider.registerTaskDefinition(sim.provider.describeTaskDefinition("orders-api:1").json());
        List<DeployQuestion> questions = new ArrayList<>();
        DeployQuestion.open(provider, new CurrentThreadTaskExecutor(), readOnly, "prod-web", "orders-api", same, questions::add,
                error -> { throw new AssertionError(error); });
        DeployQuestion q = questions.get(0);
        List<DeployQuestion.Deployed> deployed = new ArrayList<>();
        q.onDeployed(deployed::add);
        q.deploy();
        assertEquals(1, deployed.size());
        assertEquals("", q.imageWarningProperty().get());
        assertEquals("Images not checked: This backend cannot list ECR repositories.", deployed.get(0).imageNote());
    }
}
