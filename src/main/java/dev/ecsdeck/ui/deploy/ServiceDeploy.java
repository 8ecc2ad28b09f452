package dev.ecsdeck.ui.deploy;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Window;

/**
 * The service panel's "Deploy…": the deploy question for one service, with a revision of its
 * family to pick (newest first, the running one marked) and a strategy. {@code status} says what
 * happens (reading, deploying, not deployed, or why it cannot ask).
 */
public record ServiceDeploy(EcsProvider provider, TaskExecutor executor, ObservableBooleanValue readOnly, Supplier<Window> owner,
        StringProperty status, Consumer<EcsService> onDeployed) {

    public void ask(String cluster, String service) {
        status.set("Reading " + service + " in " + cluster + " and its revisions…");
        DeployQuestion.open(provider, executor, readOnly, cluster, service, null, question -> {
            status.set("");
            question.onDeployed(d -> {
                // Past tense: the line stays after the deployment ends (it may fail or roll back), so it says what was done.
                status.set("Started deploying " + Arns.familyRevision(d.deployedArn()) + " (" + question.strategy().strategyProperty().get().label
                        + "): follow it under Deployments."
                        + (d.imageNote().isEmpty() ? "" : " " + d.imageNote()));
                onDeployed.accept(d.service());
            });
            question.onCancelled(() -> status.set("Not deployed."));
            DeployDialog.show(owner.get(), question, true);
        }, error -> status.set("Cannot deploy: " + ErrorText.of(error)));
    }
}
