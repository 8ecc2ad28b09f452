package dev.ecsdeck.ui.service;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.function.LongSupplier;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What every part of the service panel works with: the provider (called only through the
 * executor), confirmations, read-only mode, typed confirmations for drastic changes, and the
 * backend's clock (the simulator's in tests) for time stamps.
 */
public record ServicePanelContext(
        EcsProvider provider,
        TaskExecutor executor,
        Confirmer confirmer,
        TypedConfirmer typedConfirmer,
        ObservableBooleanValue readOnly,
        LongSupplier nowMillis) {}
