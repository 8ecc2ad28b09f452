package dev.ecsdeck.provider.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/** The user's AWS profiles (~/.aws/config and ~/.aws/credentials) and the regions ECS runs in, for the backend picker. */
public final class AwsProfiles {
    private AwsProfiles() {}

    /** Profile names, sorted; empty when there is no AWS configuration or it cannot be read. */
    public static List<String> names() {
        try {
            List<String> names = new ArrayList<>(ProfileFile.defaultProfileFile().profiles().keySet());
            names.sort(String::compareTo);
            return names;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The profile's region, or null. */
    public static String regionOf(String profile) {
        try {
            return ProfileFile.defaultProfileFile().profile(profile).flatMap(p -> p.property("region")).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Commercial regions, by id. */
    public static List<String> regions() {
        List<String> ids = new ArrayList<>();
        for (Region r : Region.regions()) {
            String id = r.id();
            if (!r.isGlobalRegion() && !id.startsWith("us-gov") && !id.startsWith("cn-") && !id.startsWith("us-iso")
                    && !id.startsWith("eusc-")) {
                ids.add(id);
            }
        }
        ids.sort(String::compareTo);
        return ids;
    }
}
