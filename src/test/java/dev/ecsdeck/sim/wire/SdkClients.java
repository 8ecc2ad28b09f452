package dev.ecsdeck.sim.wire;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;

/**
 * A real SDK v2 client pointed at a served simulator as a user points one at {@code serve-sim}: any
 * credentials (signatures are not checked), us-east-1, and no retries, so a throttled or failed
 * call shows instead of being retried after a sleep.
 */
public final class SdkClients {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIAFAKE", "secret", "SESSIONTOKEN"));

    private SdkClients() {}

    public static <B extends AwsClientBuilder<B, C>, C> C against(URI endpoint, B builder) {
        return against(endpoint, builder, Region.US_EAST_1);
    }

    /** As above, signing for {@code region} (serve-sim serves each region named so its own simulation). */
    public static <B extends AwsClientBuilder<B, C>, C> C against(URI endpoint, B builder, Region region) {
        return builder.endpointOverride(endpoint).region(region).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build()).build();
    }
}
