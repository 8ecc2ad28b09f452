package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task-level cpu and memory as ECS reads them ("1024", "1 vCPU", "0.5 vcpu", "2 GB", "512 MiB"),
 * and the cpu/memory pairs Fargate offers.
 */
final class TaskSizes {
    /** EC2's range of task CPU units; every Fargate size lies inside it. */
    static final int MIN_TASK_CPU = 128;
    static final int MAX_TASK_CPU = 196_608;
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,9}(?:\\.\\d{1,9})?)\\s*([A-Za-z]*)\\s*");
    /** Fargate cpu units with the smallest and largest memory (MiB) and the step between. */
    private static final int[][] FARGATE = {
        {256, 512, 2048, 512}, // only 512, 1024 and 2048: see fargateValid
        {512, 1024, 4096, 1024},
        {1024, 2048, 8192, 1024},
        {2048, 4096, 16384, 1024},
        {4096, 8192, 30720, 1024},
        {8192, 16384, 61440, 4096},
        {16384, 32768, 122880, 8192},
    };

    private TaskSizes() {}

    /** CPU units or MiB of a task-level size, or null when ECS would not accept the value. */
    static Integer units(JsonNode value, boolean cpu) {
        if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
            return null;
        }
        Matcher m = SIZE.matcher(value.asText());
        if (!m.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        BigDecimal scaled;
        if (unit.isEmpty() || (!cpu && (unit.equals("mb") || unit.equals("mib")))) {
            scaled = number;
        } else if (cpu ? unit.equals("vcpu") : unit.equals("gb") || unit.equals("gib")) {
            scaled = number.multiply(BigDecimal.valueOf(1024));
        } else {
            return null;
        }
        if (scaled.stripTrailingZeros().scale() > 0 || scaled.compareTo(BigDecimal.ONE) < 0
                || scaled.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return null;
        }
        int units = scaled.intValueExact();
        if (cpu && (units < MIN_TASK_CPU || units > MAX_TASK_CPU)) {
            return null;
        }
        return units;
    }

    static boolean isFargateCpu(int cpu) {
        return row(cpu) != null;
    }

    static boolean fargateValid(int cpu, int memory) {
        int[] r = row(cpu);
        if (r == null) {
            return false;
        }
        if (cpu == 256) {
            return memory == 512 || memory == 1024 || memory == 2048;
        }
        return memory >= r[1] && memory <= r[2] && (memory - r[1]) % r[3] == 0;
    }

    /** The memory Fargate offers with this cpu, in words: "512, 1024 or 2048 MiB". */
    static String fargateMemoryChoices(int cpu) {
        int[] r = row(cpu);
        if (r == null) {
            return "";
        }
        if (cpu == 256) {
            return "512, 1024 or 2048 MiB";
        }
        return r[1] + " to " + r[2] + " MiB in steps of " + r[3];
    }

    static String fargateCpuChoices() {
        return "256, 512, 1024, 2048, 4096, 8192 or 16384";
    }

    private static int[] row(int cpu) {
        for (int[] r : FARGATE) {
            if (r[0] == cpu) {
                return r;
            }
        }
        return null;
    }
}
