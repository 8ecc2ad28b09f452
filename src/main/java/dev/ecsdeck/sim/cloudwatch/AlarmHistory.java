package dev.ecsdeck.sim.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The alarms' history, oldest first, with HistoryData as AWS writes it: a configuration update holds the
 * alarm created, updated (and as it was) or deleted; a state update the old and new state with reasons; an
 * action what was done. It outlives a deleted alarm, as CloudWatch's does; the oldest items go past a cap.
 */
final class AlarmHistory {
    static final int CAP = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final List<AlarmHistoryEntry> items = new ArrayList<>();

    void created(AlarmDefinition d, Instant now) {
        ObjectNode data = data("Create");
        data.set("createdAlarm", JSON.valueToTree(d));
        add(new AlarmHistoryEntry(d.alarmName(), now, "ConfigurationUpdate", "Alarm \"" + d.alarmName() + "\" created", data.toString()));
    }

    void updated(AlarmDefinition before, AlarmDefinition after, Instant now) {
        ObjectNode data = data("Update");
        data.set("updatedAlarm", JSON.valueToTree(after));
        data.set("originalUpdatedAlarm", JSON.valueToTree(before));
        add(new AlarmHistoryEntry(after.alarmName(), now, "ConfigurationUpdate", "Alarm \"" + after.alarmName() + "\" updated", data.toString()));
    }

    void deleted(AlarmDefinition d, Instant now) {
        ObjectNode data = data("Delete");
        data.set("deletedAlarm", JSON.valueToTree(d));
        add(new AlarmHistoryEntry(d.alarmName(), now, "ConfigurationUpdate", "Alarm \"" + d.alarmName() + "\" deleted", data.toString()));
    }

    void stateChanged(SimAlarm before, SimAlarm after, Instant now) {
        ObjectNode data = JSON.createObjectNode().put("version", "1.0");
        data.putObject("oldState").put("stateValue", before.stateValue()).put("stateReason", before.stateReason());
        ObjectNode newState = data.putObject("newState").put("stateValue", after.stateValue()).put("stateReason", after.stateReason());
        if (after.stateReasonData() != null && !after.stateReasonData().isEmpty()) {
            try {
                newState.set("stateReasonData", JSON.readTree(after.stateReasonData()));
            } catch (java.io.IOException e) {
                newState.put("stateReasonData", after.stateReasonData());
            }
        }
        add(new AlarmHistoryEntry(after.name(), now, "StateUpdate", "Alarm updated from " + before.stateValue() + " to " + after.stateValue(),
                data.toString()));
    }

    /** An action run on a transition (the simulator carries out none: it records what AWS would have done). */
    void action(String alarmName, String actionArn, Instant stateUpdatedAt, Instant now) {
        ObjectNode data = JSON.createObjectNode().put("actionState", "Succeeded").put("stateUpdateTimestamp", stateUpdatedAt.toEpochMilli())
                .put("notificationResource", actionArn);
        add(new AlarmHistoryEntry(alarmName, now, "Action", "Successfully executed action " + actionArn, data.toString()));
    }

    private static ObjectNode data(String type) {
        return JSON.createObjectNode().put("version", "1.0").put("type", type);
    }

    private void add(AlarmHistoryEntry e) {
        items.add(e);
        if (items.size() > CAP) {
            items.remove(0);
        }
    }

    /** Items of that alarm (null: all) and type (null: all) with timestamps in [start, end] (null: open), in the order asked. */
    List<AlarmHistoryEntry> find(String alarmName, String type, Instant start, Instant end, boolean ascending) {
        List<AlarmHistoryEntry> out = new ArrayList<>();
        for (AlarmHistoryEntry e : items) {
            if ((alarmName == null || alarmName.equals(e.alarmName())) && (type == null || type.equals(e.historyItemType()))
                    && (start == null || !e.timestamp().isBefore(start)) && (end == null || !e.timestamp().isAfter(end))) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(AlarmHistoryEntry::timestamp)); // stable: items of one second stay in the order they happened
        if (!ascending) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    List<AlarmHistoryEntry> all() {
        return List.copyOf(items);
    }

    void restore(List<AlarmHistoryEntry> saved) {
        items.clear();
        items.addAll(saved);
    }
}
