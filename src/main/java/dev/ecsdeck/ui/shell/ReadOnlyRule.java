package dev.ecsdeck.ui.shell;

import java.util.Locale;
import java.util.Map;

/**
 * Whether a backend opens read-only, and why. {@code --read-only} forces it on; otherwise the
 * user's own choice for that backend (the simulator, or one AWS profile), remembered in the
 * settings, wins; otherwise a profile whose name contains "prod" starts read-only, so a production
 * account is never changed by a slip of the mouse unless the user chose so for that profile.
 */
public final class ReadOnlyRule {
    /** How a backend starts: read-only or not, whether the user may switch it off, and the reason shown in the banner. */
    public record Start(boolean readOnly, boolean forced, String reason) {}

    private ReadOnlyRule() {}

    public static Start decide(BackendChoice backend, boolean forcedByOption, Map<String, Boolean> remembered) {
        if (forcedByOption) {
            return new Start(true, true, "--read-only was given on the command line");
        }
        Boolean choice = remembered == null ? null : remembered.get(backend.settingsKey());
        if (choice != null) {
            return new Start(choice, false, choice ? switchedOnReason(backend) : "");
        }
        if (looksLikeProduction(backend)) {
            return new Start(true, false, "profile " + backend.profile() + " starts read-only (its name contains \"prod\")");
        }
        return new Start(false, false, "");
    }

    /** A profile whose name contains "prod", in any case. */
    public static boolean looksLikeProduction(BackendChoice backend) {
        return !backend.simulator() && backend.profile() != null && backend.profile().toLowerCase(Locale.ROOT).contains("prod");
    }

    /** The reason once the user has switched read-only on for this backend. */
    public static String switchedOnReason(BackendChoice backend) {
        return "switched on for " + backend.subject() + " (remembered)";
    }
}
