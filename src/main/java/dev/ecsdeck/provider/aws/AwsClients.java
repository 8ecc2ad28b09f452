package dev.ecsdeck.provider.aws;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The SDK clients the provider uses, configured once: credentials from the named profile (SSO
 * included) or the default chain, the region from the option, the profile or the environment, the
 * endpoint override, the standard retry mode (8 attempts), and the retry counter. Each client keeps
 * the SDK HTTP client's default pool of 50 connections: the console's ECS calls in flight are at
 * most 44 (8 background threads, {@code ServiceNameIndex.PARALLEL} = 20 name listings, 16 describe
 * threads), so none waits for a connection.
 */
final class AwsClients implements AutoCloseable {
    /** Credentials for a simulator on this machine when none are configured: it accepts any signature. */
    private static final AwsCredentialsProvider LOOPBACK_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("ECSDECKLOCAL", "ecsdeck-local-simulator"));

    static final int MAX_ATTEMPTS = 8;

    final Region region;
    final EcsClient ecs;
    final CloudWatchLogsClient logs;
    final CloudWatchLogsAsyncClient logsAsync;
    final ApplicationAutoScalingClient scaling;
    final ElasticLoadBalancingV2Client elb;
    final CloudWatchClient cloudWatch;
    final EcrClient ecr;
    final RetryCounter retries = new RetryCounter();

    AwsClients(AwsSettings settings) {
        this.region = resolveRegion(settings);
        AwsCredentialsProvider credentials;
        if (settings.profile() != null) {
            credentials = ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
        } else if (settings.loopbackEndpoint()) {
            credentials = LOOPBACK_CREDENTIALS; // a simulator on this machine: no real credentials needed or sent
        } else {
            credentials = DefaultCredentialsProvider.builder().build();
        }
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                // Standard retries (exponential back-off with jitter), with more attempts than the default 3,
                // since a console that gives up on a throttled tree load helps no one. Not adaptive: its
                // client-side rate limiter, once some calls are throttled, held every call of the console
                // to a crawl (the chaos run took 178 s with it, 55 s without). No retry quota: once a burst of
                // failures (a 30-s outage) has drained the client's token bucket, the SDK stops retrying and, at
                // ordinary throttling, most of the console's next calls fail outright until it refills (SDK 2.59:
                // 5 chaos runs of 6 failed with it, 2 of 2 passed without). Each call here is someone waiting,
                // bounded by the attempts and the call timeout below.
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS)
                        .circuitBreakerEnabled(false).build())
                .apiCallAttemptTimeout(Duration.ofSeconds(20))
                .apiCallTimeout(Duration.ofSeconds(90))
                .addExecutionInterceptor(retries)
                .build();
        if (settings.loopbackEndpoint()) {
            // StartLiveTail's endpoint has the host prefix "stream-": "stream-127.0.0.1" is no host. A simulator on this
            // machine serves every operation on the one endpoint.
            overrides = overrides.toBuilder().putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true).build();
        }
        this.ecs = configure(EcsClient.builder(), settings, credentials, overrides).build();
        this.logs = configure(CloudWatchLogsClient.builder(), settings, credentials, overrides).build();
        this.scaling = configure(ApplicationAutoScalingClient.builder(), settings, credentials, overrides).build();
        this.logsAsync = configure(CloudWatchLogsAsyncClient.builder(), settings, credentials, overrides).build();
        this.elb = configure(ElasticLoadBalancingV2Client.builder(), settings, credentials, overrides).build();
        this.cloudWatch = configure(CloudWatchClient.builder(), settings, credentials, overrides).build();
        this.ecr = configure(EcrClient.builder(), settings, credentials, overrides).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsSettings settings, AwsCredentialsProvider credentials,
            ClientOverrideConfiguration overrides) {
        builder.region(region).credentialsProvider(credentials).overrideConfiguration(overrides);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    /** The --region option, else the profile's region, else the environment's; us-east-1 for a local simulator. */
    static Region resolveRegion(AwsSettings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region());
        }
        if (settings.profile() != null) {
            Optional<String> fromProfile = ProfileFile.defaultProfileFile().profile(settings.profile())
                    .flatMap(p -> p.property("region"));
            if (fromProfile.isPresent()) {
                return Region.of(fromProfile.get());
            }
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            if (settings.loopbackEndpoint()) {
                return Region.US_EAST_1;
            }
            throw new IllegalStateException("No AWS region: pass --region, or set one in the profile or in AWS_REGION.", e);
        }
    }

    @Override
    public void close() {
        ecs.close();
        logs.close();
        logsAsync.close();
        scaling.close();
        elb.close();
        cloudWatch.close();
        ecr.close();
    }
}
