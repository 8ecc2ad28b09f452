package dev.ecsdeck.ui.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.taskdef.Problem;
import dev.ecsdeck.taskdef.Severity;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskDefinitionEditorViewModelTest {
    private static final String OLD_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3.4.1";
    private static final String NEW_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3.4.2";

    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final EcsProvider provider = new ReadOnlyEcsProvider(backend, readOnly::get);
    private final List<String> questions = new ArrayList<>();
    private boolean answer = true;
    @TempDir
    Path dir;
    private DraftStore drafts;
    private TaskDefinitionEditorViewModel vm;

    private TaskDefinitionEditorViewModel editor() {
        drafts = new DraftStore(dir.resolve("drafts"));
        vm = new TaskDefinitionEditorViewModel(provider, new CurrentThreadTaskExecutor(), (title, message) -> {
            questions.add(message);
            return answer;
        }, readOnly, drafts, java.time.Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        return vm;
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private String latestOrdersApi() {
        return backend.listTaskDefinitions("orders-api", false).get(0);
    }

    @Test
    void opensARevisionAsTheRequestThatWouldRegisterIt() {
        editor().open("orders-api:1");
        TaskDefinition base = vm.baseProperty().get();
        assertEquals("orders-api:1", base.familyRevision());
        assertEquals("orders-api:1", vm.titleProperty().get());
        String text = vm.textProperty().get();
        for (String readOnlyField : List.of("taskDefinitionArn", "\"revision\"", "\"status\"", "requiresAttributes", "\"compatibilities\"",
                "registeredAt", "registeredBy")) {
            assertThat(text, not(containsString(readOnlyField)));
        }
        assertThat(text, containsString(OLD_IMAGE));
        assertTrue(vm.problems().stream().noneMatch(p -> p.severity() == Severity.ERROR), vm.problems().toString());
        assertFalse(vm.registerDisabledProperty().get());
        assertFalse(vm.changed(), "nothing edited yet");
        assertTrue(vm.diff().rows().isEmpty(), "only changes are shown, and there are none");
        assertEquals(List.of(), drafts.all(), "opening is not an edit");
    }

    @Test
    void anEditIsValidatedDiffedAndSavedAsADraft() {
        editor().open("orders-api:1");
        vm.textEdited(vm.textProperty().get().replace(OLD_IMAGE, NEW_IMAGE));

        assertTrue(vm.changed());
        DiffEntry change = vm.diff().rows().get(0);
        assertEquals(1, vm.diff().rows().size(), vm.diff().rows().toString());
        assertEquals(DiffEntry.Change.CHANGED, change.change());
        assertThat(change.path(), containsString("orders-api"));
        assertThat(change.path(), containsString("image"));
        assertThat(change.left(), containsString("3.4.1"));
        assertThat(change.right(), containsString("3.4.2"));
        assertThat(vm.diff().textProperty().get(), containsString("3.4.2"));

        Draft saved = drafts.all().get(0);
        assertEquals("orders-api", saved.family());
        assertEquals(vm.baseProperty().get().taskDefinitionArn(), saved.baseArn());
        assertEquals(vm.textProperty().get(), saved.json());

        vm.textEdited(vm.textProperty().get().replace(NEW_IMAGE, OLD_IMAGE));
        assertFalse(vm.changed());
        assertEquals(List.of(), drafts.all(), "edited back to the base: no draft left");
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumnAndBlocksRegisterButKeepsTheDraft() {
        editor().open("orders-api:1");
        String text = vm.textProperty().get();
        int cut = text.lastIndexOf('}');
        String broken = text.substring(0, cut) + ",\n}";
        vm.textEdited(broken);

        Problem syntax = vm.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertTrue(syntax.line() > 1, syntax.toString());
        assertTrue(syntax.column() > 0, syntax.toString());
        assertTrue(vm.registerDisabledProperty().get());
        assertThat(vm.summaryProperty().get(), containsString("1 error · "));
        assertEquals(broken, drafts.all().get(0).json(), "the broken text is kept too");
        assertNotNull(vm.draft(), "the form keeps its last parsable state");
    }

    @Test
    void registerStripsReadOnlyFieldsRegistersTheNextRevisionAndDropsTheDraft() {
        editor().open(latestOrdersApi());
        TaskDefinition base = vm.baseProperty().get();
        // Pasting a whole DescribeTaskDefinition answer works: its read-only fields are dropped on register.
        // (3.4.3, a tag the demo's ECR has: a missing one would be asked about first.)
        vm.textEdited(base.json().replace("3.5.0-beta.2", "3.4.3"));
        assertFalse(vm.registerDisabledProperty().get(), vm.problems().toString());
        List<String> registered = new ArrayList<>();
        vm.onRegistered(td -> registered.add(td.familyRevision()));

        vm.register();

        assertEquals(List.of(), questions, "no newer revision: no question");
        TaskDefinition now = backend.describeTaskDefinition("orders-api");
        assertEquals(base.revision() + 1, now.revision());
        assertThat(now.json(), containsString("orders-api:3.4.3\""));
        assertEquals(List.of(now.familyRevision()), registered);
        assertEquals(now.familyRevision(), vm.titleProperty().get());
        assertEquals(now.taskDefinitionArn(), vm.baseProperty().get().taskDefinitionArn());
        assertThat(vm.messageProperty().get(), containsString("Registered " + now.familyRevision()));
        assertFalse(vm.changed(), "the new revision is the new base");
        assertEquals(List.of(), drafts.all());
    }

    @Test
    void warnsBeforeRegisteringWhenANewerRevisionAppearedSinceOpening() {
        editor().open("orders-api:1");
        assertThat(vm.messageProperty().get(), containsString("orders-api:2 is newer than this revision"));
        vm.textEdited(vm.textProperty().get().replace(OLD_IMAGE, NEW_IMAGE));
        // Someone else registers orders-api:3 while the draft is being edited.
        backend.registerTaskDefinition(backend.describeTaskDefinition("orders-api:2").json());
        int before = backend.listTaskDefinitions("orders-api", false).size();

        answer = false;
        vm.register();
        assertEquals(1, questions.size());
        assertThat(questions.get(0), containsString("orders-api:3 was registered since you opened orders-api:1"));
        assertEquals(before, backend.listTaskDefinitions("orders-api", false).size(), "declined: nothing registered");
        assertThat(vm.messageProperty().get(), containsString("Not registered"));
        assertEquals(1, drafts.all().size(), "the draft stays");

        answer = true;
        vm.register();
        assertEquals(before + 1, backend.listTaskDefinitions("orders-api", false).size());
        assertThat(backend.describeTaskDefinition("orders-api").json(), containsString(NEW_IMAGE));
        assertEquals("orders-api:4", vm.titleProperty().get());
    }

    @Test
    void revisionsThatExistedWhenOpeningAreNotAskedAbout() {
        editor().open("orders-api:1");
        vm.textEdited(vm.textProperty().get().replace(OLD_IMAGE, NEW_IMAGE));
        vm.register();
        assertEquals(List.of(), questions);
        assertEquals("orders-api:3", vm.titleProperty().get());
    }

    @Test
    void aFailedRegisterSaysWhyInPlaceAndKeepsTextAndDraft() {
        editor().open(latestOrdersApi());
        String edited = vm.textProperty().get().replace("3.5.0-beta.2", "3.5.0");
        vm.textEdited(edited);
        backend.faults().failNext("RegisterTaskDefinition", "ClientException", "Too many concurrent attempts to create a new revision", 400);

        vm.register();

        assertThat(vm.messageProperty().get(), containsString("Not registered"));
        assertThat(vm.messageProperty().get(), containsString("Too many concurrent attempts"));
        assertThat(vm.messageProperty().get(), containsString("Your text is kept"));
        assertEquals(edited, vm.textProperty().get());
        assertEquals(edited, drafts.all().get(0).json());
        assertEquals(2, backend.listTaskDefinitions("orders-api", false).size(), "nothing registered");
        assertFalse(vm.busyProperty().get());
        assertFalse(vm.registerDisabledProperty().get(), "the user can try again");
    }

    @Test
    void aDraftReopensAgainstItsBase() {
        editor().open("orders-api:1");
        vm.textEdited(vm.textProperty().get().replace(OLD_IMAGE, NEW_IMAGE));
        Draft saved = drafts.all().get(0);

        TaskDefinitionEditorViewModel reopened = editor();
        reopened.openDraft(saved);
        assertEquals("orders-api:1 (draft)", reopened.titleProperty().get());
        assertEquals(saved.json(), reopened.textProperty().get());
        assertTrue(reopened.changed());
        assertEquals(1, reopened.diff().rows().size());
    }

    @Test
    void deregisterAsksFirstAndReadOnlyBlocksEveryChange() {
        editor().open("orders-api:1");
        answer = false;
        vm.deregister();
        assertEquals(1, questions.size());
        assertThat(questions.get(0), containsString("orders-api:1"));
        assertEquals("ACTIVE", backend.describeTaskDefinition("orders-api:1").status());

        answer = true;
        vm.deregister();
        assertEquals("INACTIVE", backend.describeTaskDefinition("orders-api:1").status());
        assertEquals("INACTIVE", vm.baseProperty().get().status());

        readOnly.set(true);
        TaskDefinitionEditorViewModel ro = editor();
        ro.open("orders-api:2");
        ro.textEdited(ro.textProperty().get().replace("3.5.0-beta.2", "3.5.0"));
        assertTrue(ro.registerDisabledProperty().get());
        ro.register();
        ro.deregister();
        assertEquals(2, questions.size(), "read-only: not even asked");
        assertEquals(2, backend.listTaskDefinitions("orders-api", true).size());
    }
}
