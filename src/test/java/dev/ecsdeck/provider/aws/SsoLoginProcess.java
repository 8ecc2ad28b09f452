package dev.ecsdeck.provider.aws;

import dev.ecsdeck.provider.AccessDeniedException;
import dev.ecsdeck.provider.EcsException;
import java.net.URI;

/**
 * Run in a child JVM by {@link CredentialErrorsWireTest}, whose HOME is a temporary folder (the
 * SDK finds the SSO token cache under $HOME/.aws/sso/cache and reads HOME before user.home): one
 * call as the given profile, printing how it failed.
 */
public final class SsoLoginProcess {
    private SsoLoginProcess() {}

    public static void main(String[] args) {
        try (AwsEcsProvider p = new AwsEcsProvider(new AwsSettings(args[0], "us-east-1", URI.create(args[1])))) {
            p.listClusters();
            System.out.println("result=ok");
        } catch (AccessDeniedException e) {
            System.out.println("code=" + e.errorCode());
            System.out.println("remedy=" + e.remedy());
            System.out.println("summary=" + e.summary());
        } catch (EcsException e) {
            System.out.println("other=" + e.summary());
        }
    }
}
