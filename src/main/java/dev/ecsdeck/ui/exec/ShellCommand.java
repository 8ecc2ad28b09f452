package dev.ecsdeck.ui.exec;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.provider.BackendDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The AWS CLI command that opens a shell in a task's container with ECS Exec:
 * {@code aws ecs execute-command --cluster C --task T --container X --interactive --command /bin/sh},
 * with the connection's profile, region and endpoint passed on so it reaches what the console shows.
 */
public record ShellCommand(String cluster, String task, String container, String profile, String region, String endpoint) {
    public static final String SHELL = "/bin/sh";
    /** What a POSIX shell reads as one word without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** The command for a task's container on this backend (the simulator's has only its region: it stands for AWS). */
    public static ShellCommand of(String clusterArn, String taskArn, String container, BackendDescription backend) {
        boolean aws = backend != null && !backend.isSimulator();
        return new ShellCommand(Arns.lastSegment(clusterArn), Arns.lastSegment(taskArn), container, aws ? backend.profile() : null,
                backend == null ? null : backend.region(), aws ? backend.endpoint() : null);
    }

    /** The program and its arguments, one word each. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(List.of("aws", "ecs", "execute-command", "--cluster", cluster, "--task", task,
                "--container", container, "--interactive", "--command", SHELL));
        option(argv, "--profile", profile);
        option(argv, "--region", region);
        option(argv, "--endpoint-url", endpoint);
        return List.copyOf(argv);
    }

    private static void option(List<String> argv, String name, String value) {
        if (value != null && !value.isBlank()) {
            argv.add(name);
            argv.add(value);
        }
    }

    /** The command as one line a POSIX shell runs as it is (words quoted where they need it). */
    public String commandLine() {
        return line(argv());
    }

    /** Words joined into one POSIX shell line, each single-quoted unless it is plain. */
    static String line(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(quote(w));
        }
        return out.toString();
    }

    static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
