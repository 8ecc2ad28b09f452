package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.AccountSetting;
import dev.ecsdeck.sim.ecs.AccountSettingApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;

/** ECS's PutAccountSetting, PutAccountSettingDefault, ListAccountSettings and DeleteAccountSetting. */
final class AccountSettingOperations {
    private final AccountSettingApi settings;

    private AccountSettingOperations(AccountSettingApi settings) {
        this.settings = settings;
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        AccountSettingOperations o = new AccountSettingOperations(engine.accountSettings());
        return api
                .add("PutAccountSetting", of().required("name", STRING).required("value", STRING).member("principalArn", STRING), true,
                        o::put)
                .add("PutAccountSettingDefault", of().required("name", STRING).required("value", STRING), true, o::putDefault)
                .add("ListAccountSettings", of().member("name", STRING).member("value", STRING).member("principalArn", STRING)
                        .member("effectiveSettings", BOOLEAN).member("nextToken", STRING).member("maxResults", INTEGER), false, o::list)
                .add("DeleteAccountSetting", of().required("name", STRING).member("principalArn", STRING), true, o::delete);
    }

    private JsonNode put(WireRequest r) {
        return setting(settings.put(r.string("name"), r.string("value"), r.string("principalArn")));
    }

    private JsonNode putDefault(WireRequest r) {
        return setting(settings.putDefault(r.string("name"), r.string("value")));
    }

    private JsonNode delete(WireRequest r) {
        return setting(settings.delete(r.string("name"), r.string("principalArn")));
    }

    private JsonNode list(WireRequest r) {
        Page<AccountSetting> page = settings.list(r.string("name"), r.string("value"), r.string("principalArn"),
                r.flag("effectiveSettings"), r.string("nextToken"), r.integer("maxResults"));
        ObjectNode out = WireJson.object();
        out.set("settings", WireJson.tree(page.items()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private static ObjectNode setting(AccountSetting s) {
        ObjectNode out = WireJson.object();
        out.set("setting", WireJson.tree(s));
        return out;
    }
}
