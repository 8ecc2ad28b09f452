package dev.ecsdeck.model;

import java.time.Instant;

/** One entry of an alarm's history (DescribeAlarmHistory): a state change, a configuration update or an action. */
public record AlarmHistoryItem(String alarmName, Instant timestamp, String historyItemType, String historySummary) {}
