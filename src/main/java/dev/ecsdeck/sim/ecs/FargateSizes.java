package dev.ecsdeck.sim.ecs;

/** The task sizes Fargate accepts: each CPU value with its range and step of memory (MiB). */
final class FargateSizes {
    private FargateSizes() {}

    static boolean valid(int cpu, int memory) {
        return switch (cpu) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> inSteps(memory, 1024, 4096, 1024);
            case 1024 -> inSteps(memory, 2048, 8192, 1024);
            case 2048 -> inSteps(memory, 4096, 16384, 1024);
            case 4096 -> inSteps(memory, 8192, 30720, 1024);
            case 8192 -> inSteps(memory, 16384, 61440, 4096);
            case 16384 -> inSteps(memory, 32768, 122880, 8192);
            default -> false;
        };
    }

    private static boolean inSteps(int memory, int min, int max, int step) {
        return memory >= min && memory <= max && (memory - min) % step == 0;
    }
}
