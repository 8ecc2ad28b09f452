package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PutAccountSetting, PutAccountSettingDefault, ListAccountSettings and DeleteAccountSetting. The
 * simulator has no IAM: every caller is the account's root user, so a call without principalArn
 * is about the root user, whose settings are the account's defaults.
 */
public final class AccountSettingApi {
    /** An IAM user, role or root user ARN, which principalArn must be. */
    private static final String PRINCIPAL = "arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:(root|user/.+|role/.+|assumed-role/.+)";

    private final SimEngine engine;

    public AccountSettingApi(SimEngine engine) {
        this.engine = engine;
    }

    /** Saved state: explicit settings by principal ARN, then by name. */
    public record State(Map<String, Map<String, String>> byPrincipal) {}

    public AccountSetting put(String name, String value, String principalArn) {
        synchronized (engine) {
            return settings().put(name, value, principal(principalArn), root());
        }
    }

    public AccountSetting putDefault(String name, String value) {
        synchronized (engine) {
            return settings().put(name, value, root(), root());
        }
    }

    public AccountSetting delete(String name, String principalArn) {
        synchronized (engine) {
            return settings().delete(name, principal(principalArn), root());
        }
    }

    public Page<AccountSetting> list(String name, String value, String principalArn, boolean effectiveSettings, String nextToken,
            Integer maxResults) {
        synchronized (engine) {
            List<AccountSetting> all = settings().list(name, value, principal(principalArn), effectiveSettings, root());
            return Paging.page(all, nextToken, maxResults, 10, 10);
        }
    }

    /**
     * The settings a cluster created now starts with: those given, and the account's containerInsights
     * setting when they do not name it (ECS applies the account setting to new clusters).
     */
    public List<KeyValue> newClusterSettings(List<KeyValue> given) {
        List<KeyValue> out = new ArrayList<>(given == null ? List.of() : given);
        if (out.stream().noneMatch(kv -> "containerInsights".equals(kv.name()))) {
            synchronized (engine) {
                out.add(new KeyValue("containerInsights", settings().effective("containerInsights", root(), root()).value()));
            }
        }
        return out;
    }

    public State snapshot() {
        synchronized (engine) {
            return new State(settings().explicit());
        }
    }

    public void restore(State state) {
        if (state != null) {
            synchronized (engine) {
                settings().restore(state.byPrincipal());
            }
        }
    }

    /** The root user of the simulated account, the caller of every request. */
    public String root() {
        String someArn = engine.ids().arn("iam", "root");
        return "arn:aws:iam::" + someArn.split(":")[4] + ":root";
    }

    private String principal(String principalArn) {
        if (principalArn == null || principalArn.isEmpty()) {
            return root();
        }
        if (!principalArn.matches(PRINCIPAL)) {
            throw SimApiException.invalidParameter("principalArn must be the ARN of an IAM user, role or the root user: " + principalArn);
        }
        return principalArn;
    }

    private AccountSettings settings() {
        return engine.ecs().accountSettings;
    }
}
