package dev.ecsdeck.model;

import java.util.List;
import java.util.Optional;

/**
 * An attachment of a task, as DescribeTasks returns it: for an awsvpc task its elastic network
 * interface ({@code type} "ElasticNetworkInterface"), whose details name its subnet, id, MAC
 * address, private DNS name and private IPv4 address.
 */
public record Attachment(String id, String type, String status, List<KeyValue> details) {
    public static final String ENI = "ElasticNetworkInterface";

    public Attachment {
        details = Lists.copy(details);
    }

    /** The value of a detail ("subnetId", "networkInterfaceId", "macAddress", "privateIPv4Address", "privateDnsName"). */
    public Optional<String> detail(String name) {
        return details.stream().filter(d -> name.equals(d.name())).map(KeyValue::value).findFirst();
    }
}
