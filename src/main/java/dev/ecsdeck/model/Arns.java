package dev.ecsdeck.model;

/** Reading names out of ECS ARNs. */
public final class Arns {
    private Arns() {}

    /** The part after the last '/' (or after the last ':' when there is no '/'); the input if neither. */
    public static String lastSegment(String arn) {
        if (arn == null) {
            return null;
        }
        int slash = arn.lastIndexOf('/');
        if (slash >= 0) {
            return arn.substring(slash + 1);
        }
        int colon = arn.lastIndexOf(':');
        return colon >= 0 ? arn.substring(colon + 1) : arn;
    }

    /** "family:revision" of a task definition ARN or reference, e.g. "web:12". */
    public static String familyRevision(String taskDefinition) {
        return lastSegment(taskDefinition);
    }

    /** The family of a task definition ARN or reference: "web" of ".../task-definition/web:12". */
    public static String family(String taskDefinition) {
        String fr = familyRevision(taskDefinition);
        int colon = fr.lastIndexOf(':');
        return colon < 0 ? fr : fr.substring(0, colon);
    }

    /** The revision of a task definition ARN or reference: 12 of "web:12"; 0 when it has none. */
    public static int revision(String taskDefinition) {
        String fr = familyRevision(taskDefinition);
        try {
            return Integer.parseInt(fr.substring(fr.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
