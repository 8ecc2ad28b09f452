package dev.ecsdeck.sim.cloudwatch;

import java.time.Instant;

/** One item of DescribeAlarmHistory: ConfigurationUpdate, StateUpdate or Action, with its summary and its data (JSON, as AWS writes it). */
public record AlarmHistoryEntry(String alarmName, Instant timestamp, String historyItemType, String historySummary, String historyData) {}
