package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.state.SimStateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.SettingType;

/** PutAccountSetting, PutAccountSettingDefault, ListAccountSettings and DeleteAccountSetting, by raw HTTP and the SDK v2 client. */
class AccountSettingWireTest {
    private static final String ROOT = "arn:aws:iam::000000000000:root";
    private static final String ROLE = "arn:aws:iam::000000000000:role/deployer";

    private WireFixture sim;

    @BeforeEach
    void serve() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    /** name → value of a ListAccountSettings answer, all pages. */
    private Map<String, String> list(String filters) {
        Map<String, String> out = new LinkedHashMap<>();
        String token = null;
        do {
            String body = "{" + filters + (token == null ? "" : (filters.isEmpty() ? "" : ", ") + "\"nextToken\": \"" + token + "\"") + "}";
            JsonNode page = sim.ok(ECS, "ListAccountSettings", body);
            page.get("settings").forEach(s -> out.put(s.get("name").asText(), s.get("value").asText()));
            token = page.path("nextToken").asText(null);
        } while (token != null);
        return out;
    }

    @Test
    void effectiveSettingsAreEcsDefaultsUntilSetAndPageByTen() {
        JsonNode first = sim.ok(ECS, "ListAccountSettings", "{\"effectiveSettings\": true}");
        assertEquals(10, first.get("settings").size(), "ten a page unless maxResults says otherwise");
        assertTrue(first.has("nextToken"));
        JsonNode one = first.get("settings").get(0);
        assertEquals("serviceLongArnFormat", one.get("name").asText());
        assertEquals("enabled", one.get("value").asText());
        assertEquals(ROOT, one.get("principalArn").asText());
        assertEquals("user", one.get("type").asText());
        Map<String, String> all = list("\"effectiveSettings\": true");
        assertEquals(11, all.size(), "every SettingName of the model");
        assertEquals("disabled", all.get("containerInsights"));
        assertEquals("enabled", all.get("taskLongArnFormat"));
        assertEquals("7", all.get("fargateTaskRetirementWaitPeriod"));
        assertEquals(Map.of(), list(""), "without effectiveSettings, only what was set");
        assertEquals(2, sim.ok(ECS, "ListAccountSettings", "{\"effectiveSettings\": true, \"maxResults\": 2}").get("settings").size());
    }

    @Test
    void aPrincipalsOwnSettingGoesOverTheAccountDefault() {
        JsonNode set = sim.ok(ECS, "PutAccountSettingDefault", "{\"name\": \"containerInsights\", \"value\": \"enabled\"}").get("setting");
        assertEquals(ROOT, set.get("principalArn").asText());
        assertEquals("enabled", set.get("value").asText());
        String asRole = "\"principalArn\": \"" + ROLE + "\", \"effectiveSettings\": true, \"name\": \"containerInsights\"";
        assertEquals(Map.of("containerInsights", "enabled"), list(asRole), "the role follows the account default");

        JsonNode own = sim.ok(ECS, "PutAccountSetting", "{\"name\": \"containerInsights\", \"value\": \"disabled\", \"principalArn\": \"" + ROLE
                + "\"}").get("setting");
        assertEquals(ROLE, own.get("principalArn").asText());
        assertEquals(Map.of("containerInsights", "disabled"), list(asRole), "its own setting goes over the default");
        assertEquals(Map.of("containerInsights", "disabled"), list("\"principalArn\": \"" + ROLE + "\""));
        assertEquals(Map.of("containerInsights", "enabled"), list("\"effectiveSettings\": true, \"name\": \"containerInsights\""),
                "the root user (the caller) keeps the default");
        assertEquals(Map.of(), list("\"effectiveSettings\": true, \"name\": \"containerInsights\", \"value\": \"enhanced\""),
                "the value filter");

        JsonNode deleted = sim.ok(ECS, "DeleteAccountSetting", "{\"name\": \"containerInsights\", \"principalArn\": \"" + ROLE + "\"}")
                .get("setting");
        assertEquals("disabled", deleted.get("value").asText(), "DeleteAccountSetting answers the setting it removed");
        assertEquals(Map.of("containerInsights", "enabled"), list(asRole), "back to the account default");
        sim.ok(ECS, "DeleteAccountSetting", "{\"name\": \"containerInsights\"}");
        assertEquals(Map.of("containerInsights", "disabled"), list(asRole), "back to ECS's default");
    }

    @Test
    void clustersCreatedAfterwardsTakeTheAccountsContainerInsights() {
        JsonNode before = sim.ok(ECS, "CreateCluster", "{\"clusterName\": \"before\"}").get("cluster");
        assertEquals("[{\"name\":\"containerInsights\",\"value\":\"disabled\"}]", before.get("settings").toString());
        sim.ok(ECS, "PutAccountSetting", "{\"name\": \"containerInsights\", \"value\": \"enhanced\"}");
        JsonNode after = sim.ok(ECS, "CreateCluster", "{\"clusterName\": \"after\"}").get("cluster");
        assertEquals("enhanced", after.get("settings").get(0).get("value").asText());
        JsonNode own = sim.ok(ECS, "CreateCluster", "{\"clusterName\": \"own\", \"settings\": [{\"name\": \"containerInsights\","
                + " \"value\": \"disabled\"}]}").get("cluster");
        assertEquals("[{\"name\":\"containerInsights\",\"value\":\"disabled\"}]", own.get("settings").toString(), "a cluster's own setting wins");
        assertEquals("disabled", sim.ok(ECS, "DescribeClusters", "{\"clusters\": [\"before\"]}").get("clusters").get(0).get("settings").get(0)
                .get("value").asText(), "clusters made before keep theirs");
    }

    @Test
    void badInputIsRefused() {
        sim.call(ECS, "PutAccountSetting", "{\"name\": \"longArnFormat\", \"value\": \"enabled\"}")
                .assertRefused(400, "InvalidParameterException", "enum value set");
        sim.call(ECS, "PutAccountSetting", "{\"name\": \"containerInsights\", \"value\": \"on\"}")
                .assertRefused(400, "InvalidParameterException", "valid values are disabled, enabled, enhanced");
        sim.call(ECS, "PutAccountSetting", "{\"name\": \"containerInsights\"}")
                .assertRefused(400, "InvalidParameterException", "Value null at 'value'");
        sim.call(ECS, "PutAccountSetting", "{\"name\": \"guardDutyActivate\", \"value\": \"enabled\"}")
                .assertRefused(400, "InvalidParameterException", "read-only");
        sim.call(ECS, "PutAccountSetting", "{\"name\": \"fargateTaskRetirementWaitPeriod\", \"value\": \"14\", \"principalArn\": \"" + ROLE + "\"}")
                .assertRefused(400, "InvalidParameterException", "root user");
        sim.call(ECS, "PutAccountSetting", "{\"name\": \"containerInsights\", \"value\": \"enabled\", \"principalArn\": \"deployer\"}")
                .assertRefused(400, "InvalidParameterException", "principalArn");
        sim.call(ECS, "ListAccountSettings", "{\"value\": \"enabled\"}")
                .assertRefused(400, "InvalidParameterException", "account setting name");
        sim.call(ECS, "ListAccountSettings", "{\"maxResults\": 11}")
                .assertRefused(400, "InvalidParameterException", "maxResults");
        sim.call(ECS, "DeleteAccountSetting", "{}").assertRefused(400, "InvalidParameterException", "Value null at 'name'");
        assertEquals(Map.of(), list(""), "nothing refused was kept");
    }

    @Test
    void theSdkClientPutsListsAndDeletes() {
        EcsClient ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
        Setting put = ecs.putAccountSettingDefault(b -> b.name(SettingName.AWSVPC_TRUNKING).value("enabled")).setting();
        assertEquals(SettingType.USER, put.type());
        ecs.putAccountSetting(b -> b.name(SettingName.TAG_RESOURCE_AUTHORIZATION).value("off").principalArn(ROLE));
        ListAccountSettingsResponse mine = ecs.listAccountSettings(b -> b.principalArn(ROLE).effectiveSettings(true).maxResults(10));
        Map<SettingName, String> byName = new LinkedHashMap<>();
        ecs.listAccountSettingsPaginator(b -> b.principalArn(ROLE).effectiveSettings(true)).settings()
                .forEach(s -> byName.put(s.name(), s.value()));
        assertEquals(10, mine.settings().size());
        assertEquals(11, byName.size(), "the SDK's paginator follows nextToken");
        assertEquals("enabled", byName.get(SettingName.AWSVPC_TRUNKING));
        assertEquals("off", byName.get(SettingName.TAG_RESOURCE_AUTHORIZATION));
        assertEquals(SettingType.AWS_MANAGED, ecs.listAccountSettings(b -> b.name(SettingName.GUARD_DUTY_ACTIVATE).effectiveSettings(true))
                .settings().get(0).type());
        assertEquals("off", ecs.deleteAccountSetting(b -> b.name(SettingName.TAG_RESOURCE_AUTHORIZATION).principalArn(ROLE)).setting().value());
        assertEquals(List.of(), ecs.listAccountSettings(b -> b.principalArn(ROLE)).settings());
        assertThrows(InvalidParameterException.class, () -> ecs.putAccountSetting(b -> b.name(SettingName.CONTAINER_INSIGHTS).value("yes")));
        assertNull(ecs.listAccountSettings(b -> b.name(SettingName.CONTAINER_INSIGHTS)).nextToken());
        ecs.close();
    }

    @Test
    void settingsSurviveTheStateFile(@TempDir Path dir) {
        sim.ok(ECS, "PutAccountSettingDefault", "{\"name\": \"containerInsights\", \"value\": \"enabled\"}");
        sim.ok(ECS, "PutAccountSetting", "{\"name\": \"awsvpcTrunking\", \"value\": \"enabled\", \"principalArn\": \"" + ROLE + "\"}");
        SimStateStore store = new SimStateStore(dir.resolve("state.json"), "demo");
        store.save(sim.engine);
        SimEngine restored = store.load(sim.clock);
        assertEquals("enabled", restored.accountSettings().list("containerInsights", null, null, true, null, null).items().get(0).value());
        assertEquals("enabled", restored.accountSettings().list("awsvpcTrunking", null, ROLE, false, null, null).items().get(0).value());
        assertFalse(restored.accountSettings().list("awsvpcTrunking", null, null, false, null, null).items().size() > 0,
                "the role's setting is the role's");
    }
}
