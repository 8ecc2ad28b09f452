package dev.ecsdeck.ui.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.taskdef.DiffEntry.Change;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.common.TimeFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The comparison of two service revisions of the demo's services, read through the provider as the window reads them. */
class RevisionComparisonViewModelTest {
    private final DemoSim sim = new DemoSim();

    @AfterEach
    void close() {
        sim.close();
    }

    /** The service's two revisions in the demo, older first: the targets of its two deployments. */
    static List<String> revisions(EcsProvider provider, String service) {
        List<ServiceDeploymentBrief> deployments = provider.listServiceDeployments("prod-web", service);
        assertEquals(2, deployments.size(), service + " has two deployments in the demo");
        return List.of(deployments.get(1).targetServiceRevisionArn(), deployments.get(0).targetServiceRevisionArn());
    }

    private RevisionComparisonViewModel compare(EcsProvider provider, String older, String newer) {
        RevisionComparisonViewModel vm = new RevisionComparisonViewModel(provider, new CurrentThreadTaskExecutor(), older, newer);
        vm.load();
        return vm;
    }

    private RevisionComparisonViewModel compare(String service) {
        List<String> arns = revisions(sim.provider, service);
        return compare(sim.provider, arns.get(0), arns.get(1));
    }

    private static List<String> fields(List<RevisionComparisonRow> rows) {
        return rows.stream().map(RevisionComparisonRow::field).toList();
    }

    private static RevisionComparisonRow row(RevisionComparisonViewModel vm, String field) {
        return vm.rows().stream().filter(r -> r.field().equals(field)).findFirst().orElseThrow(() -> new AssertionError("no row " + field));
    }

    @Test
    void everyRowOfCheckoutInSectionOrderTheOlderOnTheLeft() {
        RevisionComparisonViewModel vm = compare("checkout");
        vm.onlyDifferencesProperty().set(false);
        assertEquals(List.of("Task definition", "Created", "checkout image", "checkout digest", "checkout-blue container",
                "checkout-blue alternate target group", "checkout-blue production listener rule", "checkout-blue test listener rule",
                "checkout-blue role", "Subnets", "Security groups", "Public IP", "Launch type", "Platform version", "Platform family"),
                fields(vm.rows()));
        assertEquals(List.of("Revision", "Revision", "Images", "Images", "Load balancers", "Load balancers", "Load balancers", "Load balancers",
                "Load balancers", "Network", "Network", "Network", "Capacity", "Capacity", "Capacity"),
                vm.rows().stream().map(RevisionComparisonRow::section).toList());
        assertEquals(new RevisionComparisonRow("Revision", "Task definition", "checkout:1", "checkout:2"), row(vm, "Task definition"));
        assertEquals(new RevisionComparisonRow("Images", "checkout image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:1.8.0",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:1.9.0"), row(vm, "checkout image"));
        assertEquals(TimeFormat.local(DemoSim.START.minusSeconds(15 * 60)), row(vm, "Created").older());
        assertEquals(TimeFormat.local(DemoSim.START.minusSeconds(5 * 60)), row(vm, "Created").newer());
        assertEquals("checkout:8080", row(vm, "checkout-blue container").newer());
        assertEquals("checkout-green", row(vm, "checkout-blue alternate target group").newer());
        assertThat(row(vm, "checkout-blue production listener rule").newer(), containsString("prod-web-alb rule "));
        assertEquals("ecsInfrastructureRoleForLoadBalancers", row(vm, "checkout-blue role").newer());
        assertEquals("subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002, subnet-0a1b2c3d4e5f60003", row(vm, "Subnets").older());
        assertEquals(new RevisionComparisonRow("Network", "Public IP", "DISABLED", "DISABLED"), row(vm, "Public IP"));
        assertEquals(new RevisionComparisonRow("Capacity", "Launch type", "FARGATE", "FARGATE"), row(vm, "Launch type"));
        assertEquals("4 of 15 fields differ", vm.statusProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void onlyDifferencesShowsTheChangedImageDigestAndTaskDefinitionPaths() {
        RevisionComparisonViewModel vm = compare("checkout");
        assertTrue(vm.onlyDifferencesProperty().get(), "on at first");
        assertEquals(List.of("Task definition", "Created", "checkout image", "checkout digest"), fields(vm.rows()));
        assertTrue(vm.rows().stream().allMatch(r -> r.change() == Change.CHANGED));
        RevisionComparisonRow digest = row(vm, "checkout digest");
        assertThat(digest.older(), containsString("sha256:ca9c3bdc"));
        assertThat(digest.newer(), containsString("sha256:3012f8b5"));

        assertEquals("checkout: checkout:1 \u2192 checkout:2", vm.titleProperty().get());
        assertEquals("checkout:1 (older)", vm.olderTitleProperty().get());
        assertEquals("checkout:2 (newer)", vm.newerTitleProperty().get());
        assertEquals("checkout:1 (older)", vm.diff().leftTitleProperty().get());
        assertTrue(vm.taskDefinitionsComparedProperty().get());
        assertThat(vm.diff().rows(), hasItem(new DiffEntry("containerDefinitions[checkout].image", Change.CHANGED,
                "\"123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:1.8.0\"", "\"123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:1.9.0\"")));
        assertThat(vm.diff().rows(), hasItem(new DiffEntry("containerDefinitions[checkout].environment[FEATURE_ONE_CLICK]", Change.ADDED,
                null, "{\"name\":\"FEATURE_ONE_CLICK\",\"value\":\"true\"}")));
        assertTrue(vm.diff().rows().stream().allMatch(d -> d.change() != Change.UNCHANGED));
    }

    @Test
    void turningOnlyDifferencesOffShowsTheUnchangedRowsOfBothParts() {
        RevisionComparisonViewModel vm = compare("checkout");
        int changedPaths = vm.diff().rows().size();
        vm.onlyDifferencesProperty().set(false);
        assertEquals(15, vm.rows().size());
        assertTrue(vm.rows().stream().anyMatch(r -> !r.differs()));
        assertFalse(vm.diff().onlyChangesProperty().get(), "the task-definition diff follows the one switch");
        assertTrue(vm.diff().rows().size() > changedPaths);
        assertTrue(vm.diff().rows().stream().anyMatch(d -> d.path().equals("family") && d.change() == Change.UNCHANGED));

        vm.diff().onlyChangesProperty().set(true); // the diff pane's own box switches the rows too
        assertTrue(vm.onlyDifferencesProperty().get());
        assertEquals(4, vm.rows().size());
    }

    @Test
    void catalogAndSearchShowTheirOwnChanges() {
        RevisionComparisonViewModel catalog = compare("catalog");
        assertEquals("catalog: catalog:1 \u2192 catalog:2", catalog.titleProperty().get());
        assertEquals(new RevisionComparisonRow("Images", "catalog image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/catalog:4.1.0",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/catalog:4.2.0"), row(catalog, "catalog image"));

        RevisionComparisonViewModel search = compare("search");
        assertEquals("search: search:1 \u2192 search:2", search.titleProperty().get());
        assertThat(search.diff().rows(), hasItem(new DiffEntry("containerDefinitions[search].environment[INDEX_SHARDS].value", Change.CHANGED,
                "\"4\"", "\"8\"")));
    }

    @Test
    void aRevisionComparedWithItselfDiffersNowhere() {
        String arn = revisions(sim.provider, "checkout").get(1);
        RevisionComparisonViewModel vm = compare(sim.provider, arn, arn);
        assertEquals(List.of(), vm.rows());
        assertEquals("0 of 15 fields differ", vm.statusProperty().get());
        assertTrue(vm.diff().identical());
        assertEquals("checkout: checkout:2 \u2192 checkout:2", vm.titleProperty().get());
    }

    @Test
    void aRevisionEcsDoesNotKnowIsSaidInWords() {
        String older = revisions(sim.provider, "checkout").get(0);
        String gone = "arn:aws:ecs:us-east-1:000000000000:service-revision/prod-web/checkout/1234";
        RevisionComparisonViewModel vm = compare(sim.provider, older, gone);
        assertEquals("ECS does not know the newer service revision prod-web/checkout/1234.", vm.errorProperty().get());
        assertEquals(List.of(), vm.rows());
        assertFalse(vm.taskDefinitionsComparedProperty().get());
        assertEquals("", vm.statusProperty().get());
        assertEquals("checkout: service revisions", vm.titleProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aTaskDefinitionThatCannotBeReadLeavesTheOtherRowsShown() {
        EcsProvider noOldTaskDefinition = new ForwardingEcsProvider(sim.provider) {
            @Override
            public TaskDefinition describeTaskDefinition(String taskDefinition) {
                if (taskDefinition.endsWith("checkout:1")) {
                    throw new EcsException(Operation.DESCRIBE_TASK_DEFINITION, "ClientException", "Unable to describe task definition.");
                }
                return super.describeTaskDefinition(taskDefinition);
            }
        };
        List<String> arns = revisions(sim.provider, "checkout");
        RevisionComparisonViewModel vm = compare(noOldTaskDefinition, arns.get(0), arns.get(1));
        assertEquals("Task definition checkout:1 could not be read: DescribeTaskDefinition failed: ClientException: Unable to describe task definition.",
                vm.errorProperty().get());
        assertFalse(vm.taskDefinitionsComparedProperty().get());
        assertEquals(List.of("Task definition", "Created", "checkout image", "checkout digest"), fields(vm.rows()));
    }

    @Test
    void aFailedCallIsSaidInWords() {
        EcsProvider failing = new ForwardingEcsProvider(sim.provider) {
            @Override
            public List<ServiceRevision> describeServiceRevisions(List<String> arns) {
                throw new EcsException(Operation.DESCRIBE_SERVICE_REVISIONS, "AccessDeniedException", "Not allowed.");
            }
        };
        List<String> arns = revisions(sim.provider, "checkout");
        RevisionComparisonViewModel vm = compare(failing, arns.get(0), arns.get(1));
        assertEquals("DescribeServiceRevisions failed: AccessDeniedException: Not allowed.", vm.errorProperty().get());
        assertEquals(List.of(), vm.rows());
        assertFalse(vm.busyProperty().get());
    }
}
