package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.AccessDeniedException;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.DenyingWireServer;
import dev.ecsdeck.sim.wire.WireServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expired, unknown, missing and insufficient credentials, through the real SDK clients against the
 * simulator served on 127.0.0.1: each failure names the call, says what to do (naming the
 * profile), and leaves the other calls working. The AWS configuration is a temporary one, set
 * through the SDK's own system properties; the user's ~/.aws is never read.
 */
class CredentialErrorsWireTest {
    @TempDir
    Path dir;
    private final ApiFaults faults = ApiFaults.realTime(1);
    private WireServer server;
    private AwsEcsProvider provider;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("config"), """
                [profile dev-sso]
                region = us-east-1
                [profile no-keys]
                region = us-east-1
                """);
        Files.writeString(dir.resolve("credentials"), """
                [dev-sso]
                aws_access_key_id = ASIATESTDEVSSO
                aws_secret_access_key = dev-sso-not-a-real-secret
                aws_session_token = dev-sso-not-a-real-token
                """);
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        SimEngine engine = DemoSim.demoEngine();
        server = DenyingWireServer.serve(engine, faults, "DescribeServices", "prod-web", "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/dev/jane is not authorized to perform: ecs:DescribeServices on resource: "
                        + "arn:aws:ecs:us-east-1:123456789012:service/prod-web/*", 400);
    }

    @AfterEach
    void tearDown() {
        if (provider != null) {
            provider.close();
        }
        server.close();
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    private AwsEcsProvider open(String profile) {
        provider = new AwsEcsProvider(new AwsSettings(profile, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
        return provider;
    }

    @Test
    void accessDeniedOnOneClusterLeavesTheOtherClustersAndTheLogsWorking() {
        AwsEcsProvider p = open("dev-sso");
        assertEquals(3, p.listClusters().size());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> p.describeServices("prod-web", List.of("web")));
        assertEquals(Operation.DESCRIBE_SERVICES, denied.operation());
        assertEquals("AccessDeniedException", denied.errorCode());
        assertTrue(denied.summary().startsWith("DescribeServices failed: AccessDeniedException: User: arn:aws:sts::"), denied.summary());
        assertTrue(denied.summary().contains("Profile dev-sso may not call DescribeServices"), denied.summary());

        assertEquals("web", p.describeServices("staging", List.of("web")).get(0).serviceName(), "another cluster still answers");
        assertFalse(p.listTasks("prod-web", TaskFilter.ofService("web")).isEmpty(), "other calls on the same cluster still answer");
        assertFalse(p.filterLogEvents(new LogQuery("/ecs/web", List.of(), null, null, null, 10)).events().isEmpty(),
                "the logs still answer");
    }

    @Test
    void anExpiredSessionTokenSaysToLogInAgainWithTheProfile() {
        AwsEcsProvider p = open("dev-sso");
        faults.failNext("ListClusters", "ExpiredTokenException", "The security token included in the request is expired", 400);
        AccessDeniedException expired = assertThrows(AccessDeniedException.class, p::listClusters);
        assertEquals("ExpiredTokenException", expired.errorCode());
        assertTrue(expired.remedy().contains("aws sso login --profile dev-sso"), expired.remedy());
        assertTrue(expired.summary().startsWith("ListClusters failed: ExpiredTokenException: The security token included in the request is expired"),
                expired.summary());
        assertEquals(3, p.listClusters().size(), "once the session is refreshed, the same provider carries on");
    }

    @Test
    void anUnrecognizedKeySaysToCheckTheProfile() {
        AwsEcsProvider p = open("dev-sso");
        faults.failNext("DescribeClusters", "UnrecognizedClientException", "The security token included in the request is invalid.", 400);
        EcsException e = assertThrows(EcsException.class, () -> p.describeClusters(List.of("staging")));
        AccessDeniedException denied = assertInstanceOf(AccessDeniedException.class, e);
        assertTrue(denied.remedy().contains("aws configure --profile dev-sso"), denied.remedy());
        assertEquals(3, p.listClusters().size());
    }

    /**
     * An SSO profile whose cached token (in a temporary $HOME/.aws/sso/cache, where the SDK looks for
     * it) has expired: the message gives the exact command. Forked, since the SDK takes the home
     * folder from the HOME variable, which a running JVM cannot change.
     */
    @Test
    void anExpiredSsoSessionGivesTheLoginCommand() throws Exception {
        Path home = dir.resolve("home");
        String startUrl = "https://ecsdeck-test.awsapps.com/start";
        Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile corp-sso]
                sso_start_url = %s
                sso_region = us-east-1
                sso_account_id = 123456789012
                sso_role_name = ReadOnly
                region = us-east-1
                """.formatted(startUrl));
        Files.writeString(home.resolve(".aws/sso/cache").resolve(sha1(startUrl) + ".json"), """
                {"startUrl": "%s", "region": "us-east-1", "accessToken": "sso-cached-not-a-real-token",
                 "expiresAt": "2020-01-01T00:00:00Z"}
                """.formatted(startUrl));
        long before = faults.counts().calls();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Daws.configFile=" + home.resolve(".aws/config"), "-Daws.sharedCredentialsFile=" + home.resolve(".aws/credentials"),
                "-Duser.home=" + home, SsoLoginProcess.class.getName(), "corp-sso", "http://127.0.0.1:" + server.port())
                .redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(out.contains("code=SsoSessionExpired"), out);
        assertTrue(out.contains("remedy=Run: aws sso login --profile corp-sso"), out);
        assertTrue(out.contains("summary=ListClusters failed: SsoSessionExpired: The SSO session of profile corp-sso has expired"), out);
        assertFalse(out.contains("sso-cached-not-a-real-token"), "the cached token is never printed");
        assertEquals(before, faults.counts().calls(), "nothing was sent with an expired session");
    }

    private static String sha1(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aProfileThatDoesNotExistIsNamedAndNoCallLeavesTheMachine() {
        long before = faults.counts().calls();
        AwsEcsProvider p = open("not-configured");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, p::listClusters);
        assertEquals("CredentialsUnavailable", e.errorCode());
        assertEquals(Operation.LIST_CLUSTERS, e.operation());
        assertTrue(e.getMessage().contains("not-configured"), e.getMessage());
        assertTrue(e.remedy().contains("aws configure --profile not-configured"), e.remedy());
        assertTrue(e.remedy().contains("aws sso login --profile not-configured"), e.remedy());
        assertEquals(before, faults.counts().calls(), "nothing was sent without credentials");
    }

    @Test
    void aProfileWithoutCredentialsSaysHowToConfigureThem() {
        AwsEcsProvider p = open("no-keys");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> p.describeServices("staging", List.of("web")));
        assertEquals("CredentialsUnavailable", e.errorCode());
        assertTrue(e.getMessage().contains("no-keys"), e.getMessage());
        assertTrue(e.summary().contains("aws configure --profile no-keys"), e.summary());
        assertFalse(e.summary().contains("ProfileFile("), "no dump of the SDK's profile file: " + e.summary());
    }
}
