package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Warnings: what ECS registers but usually hurts in production. Kept to a few, each about one
 * container, so that the editor's list stays worth reading.
 */
final class EcsAdvice {
    private EcsAdvice() {}

    static void container(Findings findings, String path, JsonNode c, String label, boolean essential) {
        JsonNode image = c.get("image");
        if (image != null && image.isTextual() && !image.asText().isBlank() && !image.asText().contains("@")) {
            String ref = image.asText().trim();
            String lastPart = ref.substring(ref.lastIndexOf('/') + 1); // a registry host may have a :port
            int colon = lastPart.lastIndexOf(':');
            String tag = colon < 0 ? null : lastPart.substring(colon + 1);
            if (tag == null || tag.equals("latest")) {
                findings.warning(path + ".image", "Image \"" + ref + "\" " + (tag == null ? "has no tag, which means :latest"
                        : "uses :latest") + ": new tasks may pull different code. Pin a version tag or a digest.");
            }
        }
        if (!essential) {
            return;
        }
        if (!JsonMembers.present(c, "logConfiguration")) {
            findings.add(Severity.WARNING, path + ".logConfiguration", path, "Essential container " + label
                    + " has no 'logConfiguration': its output cannot be read from ECS or CloudWatch.");
        }
        JsonNode ports = c.get("portMappings");
        if (ports != null && ports.isArray() && !ports.isEmpty() && !JsonMembers.present(c, "healthCheck")) {
            // A container that serves ports is what a service runs; without a check ECS only sees "running".
            findings.add(Severity.WARNING, path + ".healthCheck", path, "Essential container " + label + " serves ports"
                    + " but has no 'healthCheck': ECS cannot tell a hung container from a working one.");
        }
    }
}
