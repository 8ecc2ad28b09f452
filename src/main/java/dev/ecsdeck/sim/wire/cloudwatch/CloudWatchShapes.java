package dev.ecsdeck.sim.wire.cloudwatch;

import java.util.Map;
import java.util.Set;

/**
 * What CloudWatch's protocols need from its API model beyond the operations: its error shapes' Query
 * codes (the model's awsQueryCompatible trait: JSON and CBOR errors name the shape, Query ones the code)
 * and the member names that are timestamps (unambiguous in CloudWatch's model), which CBOR tags and
 * Query writes as ISO-8601. {@code CloudWatchShapesModelTest} holds both to the model.
 */
public final class CloudWatchShapes {
    /** Error shape name to Query error code. */
    public static final Map<String, String> ERROR_CODES = Map.ofEntries(
            Map.entry("ConcurrentModificationException", "ConcurrentModificationException"),
            Map.entry("ConflictException", "ConflictException"),
            Map.entry("DashboardInvalidInputError", "InvalidParameterInput"),
            Map.entry("DashboardNotFoundError", "ResourceNotFound"),
            Map.entry("InternalServiceFault", "InternalServiceError"),
            Map.entry("InvalidFormatFault", "InvalidFormat"),
            Map.entry("InvalidNextToken", "InvalidNextToken"),
            Map.entry("InvalidParameterCombinationException", "InvalidParameterCombination"),
            Map.entry("InvalidParameterValueException", "InvalidParameterValue"),
            Map.entry("LimitExceededException", "LimitExceededException"),
            Map.entry("LimitExceededFault", "LimitExceeded"),
            Map.entry("MissingRequiredParameterException", "MissingParameter"),
            Map.entry("ResourceNotFound", "ResourceNotFound"),
            Map.entry("ResourceNotFoundException", "ResourceNotFoundException"));

    /** Names of members whose shape is a timestamp (or a list of them) anywhere in CloudWatch's model. */
    public static final Set<String> TIMESTAMP_MEMBERS = Set.of("AlarmConfigurationUpdatedTimestamp", "CreationDate", "EndDate",
            "EndTime", "ExpireDate", "LastModified", "LastUpdateDate", "LastUpdatedTimestamp", "StartDate", "StartTime",
            "StateTransitionedTimestamp", "StateUpdatedTimestamp", "Timestamp", "Timestamps");

    private CloudWatchShapes() {}
}
