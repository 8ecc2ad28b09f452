package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.taskdef.TaskDefinitionDraft.HealthCheck;
import dev.ecsdeck.taskdef.TaskDefinitionDraft.PortMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the form writes lists and maps as one text field, and reads them back. */
final class FormText {
    private static final Pattern PORT = Pattern.compile("\\s*(?:(\\d+):)?(\\d+)(?:/(tcp|udp))?\\s*");

    private FormText() {}

    /** "NAME=value" lines. */
    static String pairs(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "\n").append(k).append('=').append(v == null ? "" : v));
        return sb.toString();
    }

    static Map<String, String> parsePairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("\"" + line.trim() + "\" is not NAME=value");
            }
            out.put(line.substring(0, eq).trim(), line.substring(eq + 1));
        }
        return out;
    }

    /** "8080, 80:8080/udp": host:container/protocol, host and protocol optional. */
    static String ports(List<PortMapping> ports) {
        if (ports == null || ports.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (PortMapping p : ports) {
            String s = (p.hostPort() != null && !p.hostPort().equals(p.containerPort()) ? p.hostPort() + ":" : "") + p.containerPort();
            parts.add(p.protocol() != null && !"tcp".equals(p.protocol()) ? s + "/" + p.protocol() : s);
        }
        return String.join(", ", parts);
    }

    static List<PortMapping> parsePorts(String text) {
        List<PortMapping> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = PORT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + part.trim() + "\" is not a port mapping like 8080 or 80:8080/udp");
            }
            Integer host = m.group(1) == null ? null : Integer.valueOf(m.group(1));
            out.add(new PortMapping(Integer.valueOf(m.group(2)), host, m.group(3) == null ? "tcp" : m.group(3)));
        }
        return out;
    }

    static List<String> parseList(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** "30 / 5 / 3 / 10": interval, timeout, retries, start period. */
    static String timing(HealthCheck h) {
        return str(h.interval()) + " / " + str(h.timeout()) + " / " + str(h.retries()) + " / " + str(h.startPeriod());
    }

    static Integer[] parseTiming(String text) {
        Integer[] out = new Integer[4];
        String[] parts = text == null ? new String[0] : text.split("/");
        for (int i = 0; i < 4 && i < parts.length; i++) {
            String p = parts[i].trim();
            out[i] = p.isEmpty() || p.equals("-") ? null : Integer.valueOf(p);
        }
        return out;
    }

    private static String str(Integer n) {
        return n == null ? "-" : String.valueOf(n);
    }
}
