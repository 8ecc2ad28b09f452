package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.sim.wire.cloudwatch.CloudWatchOperations;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CloudWatch's metric operations over AWS JSON 1.0, as raw HTTP: the demo's published metrics, PutMetricData, errors, paging. */
class CloudWatchMetricsWireTest {
    private static final String WEB_CPU = "{\"Namespace\": \"AWS/ECS\", \"MetricName\": \"CPUUtilization\", \"Dimensions\": ["
            + "{\"Name\": \"ClusterName\", \"Value\": \"prod-web\"}, {\"Name\": \"ServiceName\", \"Value\": \"web\"}]}";

    private final WireFixture sim;

    CloudWatchMetricsWireTest() throws Exception {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private WireFixture.Reply call(String operation, String body) {
        return sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", CloudWatchOperations.TARGET_PREFIX + "." + operation).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode ok(String operation, String body) {
        WireFixture.Reply r = call(operation, body);
        assertEquals(200, r.status(), operation + ": " + r.raw());
        return r.body();
    }

    private String window(Duration back) {
        Instant now = sim.clock.now();
        return "\"StartTime\": " + now.minus(back).getEpochSecond() + ", \"EndTime\": " + now.getEpochSecond();
    }

    private static String query(String id, String metric, String stat, int period) {
        return "{\"Id\": \"" + id + "\", \"MetricStat\": {\"Metric\": " + metric + ", \"Period\": " + period + ", \"Stat\": \"" + stat + "\"}}";
    }

    @Test
    void getMetricDataAnswersWhatTheSimulatorProviderShows() {
        sim.clock.advance(Duration.ofMinutes(30));
        JsonNode answer = ok("GetMetricData", "{\"MetricDataQueries\": [" + query("cpu", WEB_CPU, "Average", 60) + ", {\"Id\": \"mem\", \"Label\": \"Memory\","
                + " \"MetricStat\": {\"Metric\": " + WEB_CPU.replace("CPUUtilization", "MemoryUtilization") + ", \"Period\": 60, \"Stat\": \"Average\","
                + " \"Unit\": \"Percent\"}}], " + window(Duration.ofHours(3)) + "}");
        ServiceUtilization view = sim.engine.services().utilization("prod-web", "web", sim.clock.now().minus(Duration.ofHours(3)));
        JsonNode cpu = answer.at("/MetricDataResults/0");
        assertEquals("cpu", cpu.get("Id").asText());
        assertEquals("CPUUtilization", cpu.get("Label").asText());
        assertEquals("Complete", cpu.get("StatusCode").asText());
        assertEquals(180, view.cpu().size(), "a datapoint a minute for the 3 hours asked: the demo has history from before its start");
        assertEquals(reversed(view.cpu()), points(cpu), "newest first (TimestampDescending)");
        JsonNode mem = answer.at("/MetricDataResults/1");
        assertEquals("Memory", mem.get("Label").asText());
        assertEquals(reversed(view.memory()), points(mem));
        assertTrue(answer.get("Messages").isArray());

        JsonNode ascending = ok("GetMetricData", "{\"MetricDataQueries\": [" + query("cpu", WEB_CPU, "Maximum", 600) + "], "
                + window(Duration.ofMinutes(30)) + ", \"ScanBy\": \"TimestampAscending\"}");
        JsonNode tenMinutes = ascending.at("/MetricDataResults/0");
        assertEquals(3, tenMinutes.get("Values").size(), "30 minutes in periods of 10: " + tenMinutes);
        assertTrue(tenMinutes.at("/Timestamps/0").asLong() < tenMinutes.at("/Timestamps/1").asLong());
        double max = view.cpu().stream().filter(p -> !p.time().isBefore(sim.clock.now().minus(Duration.ofMinutes(30)))
                && p.time().isBefore(sim.clock.now().minus(Duration.ofMinutes(20)))).mapToDouble(MetricPoint::value).max().orElseThrow();
        assertEquals(max, tenMinutes.at("/Values/0").asDouble());
    }

    @Test
    void getMetricDataPagesByMaxDatapointsWithNextToken() {
        sim.clock.advance(Duration.ofMinutes(10));
        String body = "{\"MetricDataQueries\": [" + query("a", WEB_CPU, "Average", 60) + ", " + query("b", WEB_CPU, "SampleCount", 60) + "], "
                + window(Duration.ofMinutes(20)) + ", \"MaxDatapoints\": 15";
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = ok("GetMetricData", body + (token == null ? "" : ", \"NextToken\": \"" + token + "\"") + "}");
            pages++;
            int n = 0;
            for (JsonNode r : page.get("MetricDataResults")) {
                r.get("Values").forEach(v -> (r.get("Id").asText().equals("a") ? a : b).add(v.asDouble()));
                n += r.get("Values").size();
            }
            assertTrue(n <= 15, "at most MaxDatapoints a page");
            token = page.path("NextToken").asText(null);
            if (token != null) {
                assertTrue(page.findValuesAsText("StatusCode").contains("PartialData"), page.toString());
            }
        } while (token != null && pages < 10);
        assertEquals(3, pages, "40 datapoints, 15 a page");
        assertEquals(20, a.size());
        assertEquals(List.of(1.0), b.stream().distinct().toList(), "one value a minute");
        assertEquals(20, b.size());

        call("GetMetricData", body + ", \"NextToken\": \"nope\"}").assertRefused(400, "InvalidNextToken", "NextToken");
    }

    @Test
    void getMetricDataRefusesWhatItCannotAnswer() {
        String w = window(Duration.ofMinutes(10));
        call("GetMetricData", "{\"MetricDataQueries\": [{\"Id\": \"e1\", \"Expression\": \"SUM(METRICS())\"}], " + w + "}")
                .assertRefused(400, "InvalidParameterValueException", "Query e1");
        call("GetMetricData", "{\"MetricDataQueries\": [" + query("p", WEB_CPU, "p99", 60) + "], " + w + "}")
                .assertRefused(400, "InvalidParameterValueException", "p99");
        call("GetMetricData", "{\"MetricDataQueries\": [" + query("q", WEB_CPU, "Average", 30) + "], " + w + "}")
                .assertRefused(400, "InvalidParameterValueException", "MetricDataQueries.member.1.MetricStat.Period");
        call("GetMetricData", "{\"MetricDataQueries\": [" + query("Bad", WEB_CPU, "Average", 60) + "], " + w + "}")
                .assertRefused(400, "InvalidParameterValueException", "MetricDataQueries.member.1.Id");
        call("GetMetricData", "{\"MetricDataQueries\": [" + query("a", WEB_CPU, "Average", 60) + ", " + query("a", WEB_CPU, "Sum", 60) + "], " + w + "}")
                .assertRefused(400, "InvalidParameterValueException", "unique");
        call("GetMetricData", "{\"MetricDataQueries\": [{\"Id\": \"m\"}], " + w + "}").assertRefused(400, "MissingRequiredParameterException", "MetricStat");
        call("GetMetricData", "{\"MetricDataQueries\": [" + query("a", WEB_CPU, "Average", 60) + "], \"StartTime\": 1800000000, \"EndTime\": 1800000000}")
                .assertRefused(400, "InvalidParameterValueException", "StartTime must be less than");
        call("GetMetricData", "{" + w + "}").assertRefused(400, "MissingRequiredParameterException", "MetricDataQueries");
        call("GetMetricData", "{\"MetricDataQueries\": [" + query("a", WEB_CPU, "Average", 60) + "], " + w + ", \"ScanBy\": \"Sideways\"}")
                .assertRefused(400, "MissingRequiredParameterException", "ScanBy");
    }

    @Test
    void getMetricStatisticsAnswersStatisticsWithTheirUnit() {
        sim.clock.advance(Duration.ofMinutes(10));
        JsonNode answer = ok("GetMetricStatistics", WEB_CPU.substring(0, WEB_CPU.length() - 1) + ", " + window(Duration.ofMinutes(20))
                + ", \"Period\": 300, \"Statistics\": [\"Average\", \"Maximum\", \"SampleCount\"]}");
        assertEquals("CPUUtilization", answer.get("Label").asText());
        JsonNode points = answer.get("Datapoints");
        assertEquals(4, points.size(), answer.toString());
        for (JsonNode p : points) {
            assertEquals("Percent", p.get("Unit").asText());
            assertEquals(5.0, p.get("SampleCount").asDouble());
            assertTrue(p.get("Maximum").asDouble() >= p.get("Average").asDouble());
            assertFalse(p.has("Sum"), "only the statistics asked for");
        }
        String metric = WEB_CPU.substring(0, WEB_CPU.length() - 1) + ", " + window(Duration.ofMinutes(20));
        call("GetMetricStatistics", metric + ", \"Period\": 60}")
                .assertRefused(400, "InvalidParameterCombinationException", "Statistics or ExtendedStatistics");
        call("GetMetricStatistics", metric + ", \"Period\": 60, \"ExtendedStatistics\": [\"p90\"]}")
                .assertRefused(400, "InvalidParameterValueException", "p90");
        call("GetMetricStatistics", metric + ", \"Period\": 60, \"Statistics\": [\"Median\"]}")
                .assertRefused(400, "MissingRequiredParameterException", "Statistics");
        call("GetMetricStatistics", WEB_CPU.substring(0, WEB_CPU.length() - 1) + ", " + window(Duration.ofDays(2))
                + ", \"Period\": 60, \"Statistics\": [\"Sum\"]}").assertRefused(400, "InvalidParameterCombinationException", "exceeds the limit of 1,440");
        JsonNode otherUnit = ok("GetMetricStatistics", metric + ", \"Period\": 60, \"Statistics\": [\"Sum\"], \"Unit\": \"Count\"}");
        assertEquals(0, otherUnit.get("Datapoints").size(), "no values in another unit");
    }

    @Test
    void putMetricDataIsReadBackAndBadDataIsRefusedWhole() {
        Instant t = sim.clock.now().minusSeconds(120);
        ok("PutMetricData", "{\"Namespace\": \"Shop\", \"MetricData\": ["
                + "{\"MetricName\": \"Orders\", \"Dimensions\": [{\"Name\": \"Store\", \"Value\": \"eu\"}], \"Timestamp\": " + t.getEpochSecond()
                + ", \"Values\": [1, 5], \"Counts\": [2, 1], \"Unit\": \"Count\"},"
                + "{\"MetricName\": \"Orders\", \"Dimensions\": [{\"Name\": \"Store\", \"Value\": \"eu\"}], \"Timestamp\": " + t.getEpochSecond()
                + ", \"StatisticValues\": {\"SampleCount\": 2, \"Sum\": 10, \"Minimum\": 4, \"Maximum\": 6}, \"Unit\": \"Count\"},"
                + "{\"MetricName\": \"Visits\", \"Value\": 3.5}]}");
        JsonNode stats = ok("GetMetricStatistics", "{\"Namespace\": \"Shop\", \"MetricName\": \"Orders\", \"Dimensions\": [{\"Name\": \"Store\","
                + " \"Value\": \"eu\"}], " + window(Duration.ofMinutes(10)) + ", \"Period\": 600, \"Statistics\": [\"SampleCount\", \"Sum\","
                + " \"Minimum\", \"Maximum\", \"Average\"]}").at("/Datapoints/0");
        assertEquals(5.0, stats.get("SampleCount").asDouble());
        assertEquals(17.0, stats.get("Sum").asDouble());
        assertEquals(1.0, stats.get("Minimum").asDouble());
        assertEquals(6.0, stats.get("Maximum").asDouble());
        assertEquals(3.4, stats.get("Average").asDouble(), 1e-9);
        assertEquals("Count", stats.get("Unit").asText());

        String good = "{\"MetricName\": \"Late\", \"Value\": 1}";
        call("PutMetricData", "{\"Namespace\": \"AWS/ECS\", \"MetricData\": [" + good + "]}").assertRefused(400, "InvalidParameterValueException", "Namespace");
        call("PutMetricData", "{\"Namespace\": \"Shop\", \"MetricData\": [" + good + ", {\"MetricName\": \"X\", \"Value\": 1, \"StatisticValues\":"
                + " {\"SampleCount\": 1, \"Sum\": 1, \"Minimum\": 1, \"Maximum\": 1}}]}")
                .assertRefused(400, "InvalidParameterCombinationException", "MetricData.member.2.Value");
        call("PutMetricData", "{\"Namespace\": \"Shop\", \"MetricData\": [" + good + ", {\"Value\": 1}]}")
                .assertRefused(400, "MissingRequiredParameterException", "MetricData.member.2.MetricName");
        call("PutMetricData", "{\"Namespace\": \"Shop\", \"MetricData\": [" + good + ", {\"MetricName\": \"Old\", \"Value\": 1, \"Timestamp\": "
                + sim.clock.now().minus(Duration.ofDays(15)).getEpochSecond() + "}]}")
                .assertRefused(400, "InvalidParameterValueException", "two weeks in the past");
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            dims.append(i == 0 ? "" : ", ").append("{\"Name\": \"d").append(i).append("\", \"Value\": \"v\"}");
        }
        call("PutMetricData", "{\"Namespace\": \"Shop\", \"MetricData\": [{\"MetricName\": \"Wide\", \"Value\": 1, \"Dimensions\": [" + dims + "]}]}")
                .assertRefused(400, "InvalidParameterValueException", "greater than 30");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ", ").append(good);
        }
        call("PutMetricData", "{\"Namespace\": \"Shop\", \"MetricData\": [" + many + "]}").assertRefused(400, "InvalidParameterValueException", "1000");
        call("PutMetricData", "{\"MetricData\": [" + good + "]}").assertRefused(400, "MissingRequiredParameterException", "Namespace");
        JsonNode late = ok("ListMetrics", "{\"Namespace\": \"Shop\", \"MetricName\": \"Late\"}");
        assertEquals(0, late.get("Metrics").size(), "a refused request recorded nothing: " + late);
    }

    @Test
    void listMetricsFiltersAndPages() {
        sim.clock.advance(Duration.ofMinutes(2));
        JsonNode web = ok("ListMetrics", "{\"Namespace\": \"ECS/ContainerInsights\", \"Dimensions\": [{\"Name\": \"ServiceName\", \"Value\": \"web\"}]}");
        List<String> names = new ArrayList<>();
        web.get("Metrics").forEach(m -> names.add(m.get("MetricName").asText()));
        assertEquals(List.of("CpuReserved", "CpuUtilized", "DesiredTaskCount", "MemoryReserved", "MemoryUtilized", "PendingTaskCount",
                "RunningTaskCount"), names);
        assertEquals("[{\"Name\":\"ClusterName\",\"Value\":\"prod-web\"},{\"Name\":\"ServiceName\",\"Value\":\"web\"}]",
                web.at("/Metrics/0/Dimensions").toString());
        JsonNode clusterLevel = ok("ListMetrics", "{\"Namespace\": \"AWS/ECS\", \"MetricName\": \"CPUUtilization\", \"RecentlyActive\": \"PT3H\","
                + " \"Dimensions\": [{\"Name\": \"ClusterName\"}], \"IncludeLinkedAccounts\": true}");
        assertTrue(clusterLevel.get("Metrics").size() > 3, clusterLevel.toString());
        assertEquals(clusterLevel.get("Metrics").size(), clusterLevel.get("OwningAccounts").size());

        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            data.append(i == 0 ? "" : ", ").append("{\"MetricName\": \"Hits\", \"Dimensions\": [{\"Name\": \"Page\", \"Value\": \"p")
                    .append(i).append("\"}], \"Value\": 1}");
        }
        ok("PutMetricData", "{\"Namespace\": \"Site\", \"MetricData\": [" + data + "]}");
        JsonNode first = ok("ListMetrics", "{\"Namespace\": \"Site\"}");
        assertEquals(500, first.get("Metrics").size());
        JsonNode second = ok("ListMetrics", "{\"Namespace\": \"Site\", \"NextToken\": \"" + first.get("NextToken").asText() + "\"}");
        assertEquals(100, second.get("Metrics").size());
        assertFalse(second.has("NextToken"));
        call("ListMetrics", "{\"NextToken\": \"lm-9999999\"}").assertRefused(400, "InvalidParameterValueException", "NextToken");
        call("ListMetrics", "{\"RecentlyActive\": \"PT1H\"}").assertRefused(400, "MissingRequiredParameterException", "RecentlyActive");
    }

    private static List<MetricPoint> reversed(List<MetricPoint> points) {
        List<MetricPoint> out = new ArrayList<>(points);
        java.util.Collections.reverse(out);
        return out;
    }

    private static List<MetricPoint> points(JsonNode result) {
        List<MetricPoint> out = new ArrayList<>();
        for (int i = 0; i < result.get("Values").size(); i++) {
            out.add(new MetricPoint(Instant.ofEpochSecond(result.get("Timestamps").get(i).asLong()), result.get("Values").get(i).asDouble()));
        }
        return out;
    }
}
