package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static dev.ecsdeck.sim.wire.WireFixture.LOGS;
import static dev.ecsdeck.sim.wire.WireFixture.SCALING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every member of every response, at any depth, is a member of the API model's output shape with
 * the model's JSON type (timestamps numbers): what an SDK unmarshals is exactly what it expects.
 */
class WireResponsesModelTest {
    private static final String VPC = "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\"]}}";
    private static final String WEB = "\"ServiceNamespace\": \"ecs\", \"ScalableDimension\": \"ecs:service:DesiredCount\","
            + " \"ResourceId\": \"service/prod-web/web\"";

    private WireFixture sim;
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void responsesHoldOnlyModelMembersOfTheModelTypes() throws IOException {
        sim = new WireFixture();
        sim.clock.advance(Duration.ofMinutes(15)); // scaling activities and stopped tasks to show
        JsonNode ecs = model("ecs");
        JsonNode logs = model("logs");
        JsonNode scaling = model("application-autoscaling");

        JsonNode instances = check(ecs, "ListContainerInstances", "{\"cluster\": \"prod-batch\"}");
        JsonNode tasks = check(ecs, "ListTasks", "{\"cluster\": \"prod-batch\", \"desiredStatus\": \"STOPPED\"}");
        check(ecs, "ListClusters", "{\"maxResults\": 1}");
        check(ecs, "DescribeClusters", "{\"clusters\": [\"prod-web\", \"nope\"]}");
        check(ecs, "CreateCluster", "{\"clusterName\": \"shapes\", \"tags\": [{\"key\": \"k\", \"value\": \"v\"}]}");
        check(ecs, "ListServices", "{\"cluster\": \"prod-web\", \"maxResults\": 1}");
        check(ecs, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\", \"checkout\", \"payments\", \"nope\"]}");
        check(ecs, "DescribeServices", "{\"cluster\": \"prod-batch\", \"services\": [\"log-router\", \"metrics-gateway\"]}");
        check(ecs, "CreateService", "{\"cluster\": \"shapes\", \"serviceName\": \"s\", \"taskDefinition\": \"web:1\", \"desiredCount\": 0,"
                + " \"launchType\": \"FARGATE\", " + VPC + "}");
        check(ecs, "UpdateService", "{\"cluster\": \"shapes\", \"service\": \"s\", \"desiredCount\": 0}");
        check(ecs, "DeleteService", "{\"cluster\": \"shapes\", \"service\": \"s\"}");
        check(ecs, "DescribeTasks", "{\"cluster\": \"prod-batch\", \"tasks\": [\"" + tasks.get("taskArns").get(0).asText() + "\", \"nope\"]}");
        JsonNode run = check(ecs, "RunTask", "{\"cluster\": \"prod-batch\", \"taskDefinition\": \"cron-scheduler\", \"count\": 1}");
        JsonNode webTasks = check(ecs, "ListTasks", "{\"cluster\": \"prod-web\", \"serviceName\": \"web\"}");
        check(ecs, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + webTasks.get("taskArns").get(0).asText() + "\"]}");
        check(ecs, "RunTask", "{\"cluster\": \"staging\", \"taskDefinition\": \"web:1\", \"launchType\": \"FARGATE\", " + VPC
                + ", \"overrides\": {\"containerOverrides\": [{\"name\": \"web\", \"command\": [\"x\"]}], \"cpu\": \"512\"}}");
        check(ecs, "StopTask", "{\"cluster\": \"prod-batch\", \"task\": \"" + run.get("tasks").get(0).get("taskArn").asText() + "\"}");
        String execTask = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-web\", \"serviceName\": \"web\"}").get("taskArns").get(0).asText();
        check(ecs, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + execTask + "\"]}");
        check(ecs, "ExecuteCommand", "{\"cluster\": \"prod-web\", \"task\": \"" + execTask + "\", \"container\": \"web\","
                + " \"command\": \"/bin/sh\", \"interactive\": true}");
        check(ecs, "DescribeContainerInstances", "{\"cluster\": \"prod-batch\", \"containerInstances\": [\""
                + instances.get("containerInstanceArns").get(0).asText() + "\", \"nope\"]}");
        JsonNode registered = check(ecs, "RegisterContainerInstance", "{\"cluster\": \"shapes\", \"totalResources\": [{\"name\": \"CPU\","
                + " \"type\": \"INTEGER\", \"integerValue\": 1024}, {\"name\": \"MEMORY\", \"type\": \"INTEGER\", \"integerValue\": 2048}]}");
        check(ecs, "UpdateContainerInstancesState", "{\"cluster\": \"shapes\", \"status\": \"DRAINING\", \"containerInstances\": [\""
                + registered.get("containerInstance").get("containerInstanceArn").asText() + "\"]}");
        check(ecs, "ListTaskDefinitionFamilies", "{}");
        check(ecs, "ListTaskDefinitions", "{\"maxResults\": 2}");
        check(ecs, "DescribeTaskDefinition", "{\"taskDefinition\": \"web:1\"}");
        check(ecs, "DescribeTaskDefinition", "{\"taskDefinition\": \"reports-worker\"}");
        check(ecs, "RegisterTaskDefinition", "{\"family\": \"shapes\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\","
                + " \"memory\": 128}]}");
        check(ecs, "DeregisterTaskDefinition", "{\"taskDefinition\": \"shapes:1\"}");
        check(ecs, "ListTagsForResource", "{\"resourceArn\": \"arn:aws:ecs:us-east-1:000000000000:cluster/shapes\"}");
        check(ecs, "TagResource", "{\"resourceArn\": \"arn:aws:ecs:us-east-1:000000000000:cluster/shapes\", \"tags\": [{\"key\": \"a\"}]}");
        check(ecs, "UntagResource", "{\"resourceArn\": \"arn:aws:ecs:us-east-1:000000000000:cluster/shapes\", \"tagKeys\": [\"a\"]}");
        check(ecs, "DescribeClusters", "{\"clusters\": [\"shapes\"], \"include\": [\"TAGS\"]}");
        check(ecs, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\"], \"include\": [\"TAGS\"]}");
        check(ecs, "DescribeTaskDefinition", "{\"taskDefinition\": \"web:1\", \"include\": [\"TAGS\"]}");
        check(ecs, "PutAccountSetting", "{\"name\": \"containerInsights\", \"value\": \"enhanced\"}");
        check(ecs, "PutAccountSettingDefault", "{\"name\": \"awsvpcTrunking\", \"value\": \"enabled\"}");
        check(ecs, "ListAccountSettings", "{\"effectiveSettings\": true, \"maxResults\": 3}");
        check(ecs, "DeleteAccountSetting", "{\"name\": \"containerInsights\"}");
        check(ecs, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"forceNewDeployment\": true}");
        JsonNode rollouts = check(ecs, "ListServiceDeployments", "{\"cluster\": \"prod-web\", \"service\": \"web\"}");
        String rollout = rollouts.get("serviceDeployments").get(0).get("serviceDeploymentArn").asText();
        JsonNode described = check(ecs, "DescribeServiceDeployments", "{\"serviceDeploymentArns\": [\"" + rollout + "\", \"nope\"]}");
        check(ecs, "DescribeServiceRevisions", "{\"serviceRevisionArns\": [\""
                + described.get("serviceDeployments").get(0).get("targetServiceRevision").get("arn").asText() + "\", \"nope\"]}");
        check(ecs, "StopServiceDeployment", "{\"serviceDeploymentArn\": \"" + rollout + "\", \"stopType\": \"ROLLBACK\"}");

        JsonNode stream = check(logs, "DescribeLogStreams", "{\"logGroupName\": \"/ecs/web\", \"limit\": 2}");
        String name = stream.get("logStreams").get(0).get("logStreamName").asText();
        check(logs, "DescribeLogGroups", "{\"limit\": 3}");
        check(logs, "GetLogEvents", "{\"logGroupName\": \"/ecs/web\", \"logStreamName\": \"" + name + "\", \"limit\": 3}");
        check(logs, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\", \"limit\": 3}");

        check(scaling, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 1, \"MaxCapacity\": 4}");
        check(scaling, "PutScalingPolicy", "{" + WEB + ", \"PolicyName\": \"p\", \"PolicyType\": \"TargetTrackingScaling\","
                + " \"TargetTrackingScalingPolicyConfiguration\": {\"TargetValue\": 50, \"PredefinedMetricSpecification\":"
                + " {\"PredefinedMetricType\": \"ECSServiceAverageMemoryUtilization\"}}}");
        check(scaling, "DescribeScalableTargets", "{\"ServiceNamespace\": \"ecs\", \"MaxResults\": 1}");
        check(scaling, "DescribeScalingPolicies", "{\"ServiceNamespace\": \"ecs\"}");
        JsonNode activities = check(scaling, "DescribeScalingActivities", "{\"ServiceNamespace\": \"ecs\"}");
        check(scaling, "DescribeScheduledActions", "{\"ServiceNamespace\": \"ecs\"}");
        check(scaling, "DeleteScalingPolicy", "{" + WEB + ", \"PolicyName\": \"p\"}");

        assertEquals(List.of(), problems);
        assertEquals(1, described.get("serviceDeployments").get(0).get("sourceServiceRevisions").size(),
                "the forced rollout has a source revision to check");
        assertEquals(true, activities.get("ScalingActivities").size() > 0, "the activities were there to check");
    }

    /** EventBridge (JSON 1.1) and Scheduler (REST-JSON) answers, rules and schedules with ECS targets included. */
    @Test
    void eventsAndSchedulerResponsesHoldOnlyModelMembers() throws Exception {
        sim = new WireFixture();
        JsonNode events = model("events");
        JsonNode scheduler = model("scheduler");
        String cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/staging";
        String ecsTarget = "\"Arn\": \"" + cluster + "\", \"RoleArn\": \"arn:aws:iam::000000000000:role/r\", \"EcsParameters\": "
                + "{\"TaskDefinitionArn\": \"web\", \"TaskCount\": 1, \"LaunchType\": \"FARGATE\", \"NetworkConfiguration\": "
                + "{\"awsvpcConfiguration\": {\"Subnets\": [\"subnet-0aa\"], \"AssignPublicIp\": \"DISABLED\"}}, \"Group\": \"g\", "
                + "\"PlacementConstraints\": [{\"type\": \"distinctInstance\"}], \"Tags\": [{\"Key\": \"k\", \"Value\": \"v\"}]}";
        // Scheduler's Tags are a list of maps: the same target with its own Tags shape
        String schedulerTarget = ecsTarget.replace("[{\"Key\": \"k\", \"Value\": \"v\"}]", "[{\"k\": \"v\"}]");

        checkEvents(events, "PutRule", "{\"Name\": \"r\", \"ScheduleExpression\": \"rate(5 minutes)\", \"Description\": \"d\"}");
        checkEvents(events, "PutRule", "{\"Name\": \"p\", \"EventPattern\": \"{}\", \"RoleArn\": \"arn:aws:iam::000000000000:role/r\"}");
        checkEvents(events, "DescribeRule", "{\"Name\": \"r\"}");
        checkEvents(events, "ListRules", "{\"Limit\": 1}");
        checkEvents(events, "PutTargets", "{\"Rule\": \"r\", \"Targets\": [{\"Id\": \"t\", " + ecsTarget + "}, {\"Id\": \"bad\", "
                + "\"Arn\": \"" + cluster + "\"}]}");
        checkEvents(events, "ListTargetsByRule", "{\"Rule\": \"r\"}");
        checkEvents(events, "DisableRule", "{\"Name\": \"r\"}");
        checkEvents(events, "EnableRule", "{\"Name\": \"r\"}");
        checkEvents(events, "RemoveTargets", "{\"Rule\": \"r\", \"Ids\": [\"t\"]}");
        checkEvents(events, "DeleteRule", "{\"Name\": \"r\"}");

        String schedule = "{\"ScheduleExpression\": \"cron(0 2 * * ? *)\", \"ScheduleExpressionTimezone\": \"UTC\", "
                + "\"StartDate\": 1900000000, \"EndDate\": 2000000000, \"Description\": \"d\", "
                + "\"FlexibleTimeWindow\": {\"Mode\": \"FLEXIBLE\", \"MaximumWindowInMinutes\": 5}, \"Target\": {" + schedulerTarget + "}}";
        checkRest(scheduler, "CreateSchedule", "POST", "/schedules/s", schedule);
        checkRest(scheduler, "UpdateSchedule", "PUT", "/schedules/s", schedule);
        checkRest(scheduler, "GetSchedule", "GET", "/schedules/s", null);
        JsonNode listed = checkRest(scheduler, "ListSchedules", "GET", "/schedules?MaxResults=5", null);
        checkRest(scheduler, "DeleteSchedule", "DELETE", "/schedules/s", null);

        assertEquals(List.of(), problems);
        assertEquals(1, listed.get("Schedules").size(), "the schedule was there to check");
    }

    /** ECR (JSON 1.1) answers on the demo's registry: images with scans, failures of batch calls, a pushed and deleted image. */
    @Test
    void ecrResponsesHoldOnlyModelMembers() throws IOException {
        sim = new WireFixture();
        sim.clock.advance(Duration.ofMinutes(1)); // the demo's tasks have pulled their images
        JsonNode ecr = model("ecr");
        checkEvents(ecr, "DescribeRepositories", "{\"maxResults\": 3}");
        JsonNode images = checkEvents(ecr, "DescribeImages", "{\"repositoryName\": \"orders-api\"}");
        checkEvents(ecr, "DescribeImages", "{\"repositoryName\": \"catalog\", \"imageIds\": [{\"imageTag\": \"4.2.0\"}]}");
        checkEvents(ecr, "ListImages", "{\"repositoryName\": \"checkout\", \"filter\": {\"tagStatus\": \"ANY\"}}");
        checkEvents(ecr, "BatchGetImage", "{\"repositoryName\": \"orders-api\", \"imageIds\": [{\"imageTag\": \"3.4.1\"}, "
                + "{\"imageTag\": \"9.9.9\"}]}");
        checkEvents(ecr, "CreateRepository", "{\"repositoryName\": \"shapes\", \"imageScanningConfiguration\": {\"scanOnPush\": true}}");
        checkEvents(ecr, "PutImage", "{\"repositoryName\": \"shapes\", \"imageTag\": \"1\", \"imageManifest\": \"{\\\"schemaVersion\\\": 2}\"}");
        checkEvents(ecr, "BatchDeleteImage", "{\"repositoryName\": \"shapes\", \"imageIds\": [{\"imageTag\": \"1\"}, {\"imageTag\": \"2\"}]}");
        checkEvents(ecr, "DeleteRepository", "{\"repositoryName\": \"shapes\"}");
        assertEquals(List.of(), problems);
        assertEquals(true, images.get("imageDetails").size() > 3, "the images were there to check");
    }

    private JsonNode checkEvents(JsonNode model, String operation, String body) {
        JsonNode response = sim.ok(model.path("metadata").path("targetPrefix").asText(), operation, body);
        JsonNode output = model.path("operations").path(operation).path("output");
        if (output.isMissingNode()) {
            if (response.size() > 0) {
                problems.add(operation + ": no output in the model, answered " + response);
            }
        } else {
            walk(model.get("shapes"), output.path("shape").asText(), response, operation);
        }
        return response;
    }

    private JsonNode checkRest(JsonNode model, String operation, String method, String path, String body) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + sim.server.port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        WireFixture.Reply r = sim.send(b);
        assertEquals(200, r.status(), operation + ": " + r.raw());
        walk(model.get("shapes"), model.path("operations").path(operation).path("output").path("shape").asText(), r.body(), operation);
        return r.body();
    }

    /** Issue 17's instance, protection, deletion and Service Connect operations (their own test: the demo's prod-batch instances). */
    @Test
    void instanceProtectionAndServiceConnectAnswersHoldOnlyModelMembers() throws IOException {
        sim = new WireFixture();
        sim.clock.advance(Duration.ofMinutes(2));
        JsonNode ecs = model("ecs");
        String instance = check(ecs, "ListContainerInstances", "{\"cluster\": \"prod-batch\"}").get("containerInstanceArns").get(0).asText();
        String attribute = "{\"cluster\": \"prod-batch\", \"attributes\": [{\"name\": \"stack\", \"value\": \"blue\", \"targetId\": \""
                + instance + "\"}]}";
        check(ecs, "PutAttributes", attribute);
        JsonNode listed = check(ecs, "ListAttributes", "{\"cluster\": \"prod-batch\", \"targetType\": \"container-instance\", \"maxResults\": 2}");
        check(ecs, "DeleteAttributes", attribute);
        check(ecs, "StartTask", "{\"cluster\": \"prod-batch\", \"taskDefinition\": \"cron-scheduler\", \"containerInstances\": [\""
                + instance + "\", \"nope\"]}");
        check(ecs, "DiscoverPollEndpoint", "{\"cluster\": \"prod-batch\"}");
        String task = check(ecs, "ListTasks", "{\"cluster\": \"prod-web\", \"serviceName\": \"web\"}").get("taskArns").get(0).asText();
        check(ecs, "UpdateTaskProtection", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + task + "\", \"nope\"], \"protectionEnabled\": true}");
        JsonNode protectedTasks = check(ecs, "GetTaskProtection", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + task + "\", \"nope\"]}");
        check(ecs, "CreateCluster", "{\"clusterName\": \"connect\"}");
        check(ecs, "RegisterTaskDefinition", "{\"family\": \"connect\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\","
                + " \"memory\": 128, \"portMappings\": [{\"name\": \"http\", \"containerPort\": 80}]}]}");
        String connect = ", \"serviceConnectConfiguration\": {\"enabled\": true, \"namespace\": \"internal\", \"services\":"
                + " [{\"portName\": \"http\", \"clientAliases\": [{\"port\": 80}]}]}";
        check(ecs, "CreateService", "{\"cluster\": \"connect\", \"serviceName\": \"sc\", \"taskDefinition\": \"connect\", \"desiredCount\": 0"
                + connect + "}");
        check(ecs, "UpdateService", "{\"cluster\": \"connect\", \"service\": \"sc\"" + connect + "}");
        JsonNode services = check(ecs, "DescribeServices", "{\"cluster\": \"connect\", \"services\": [\"sc\"]}");
        check(ecs, "ListServicesByNamespace", "{\"namespace\": \"internal\"}");
        check(ecs, "DeregisterTaskDefinition", "{\"taskDefinition\": \"cron-scheduler:1\"}");
        JsonNode deleted = check(ecs, "DeleteTaskDefinitions", "{\"taskDefinitions\": [\"cron-scheduler:1\", \"web:1\", \"nope:1\"]}");
        assertEquals(List.of(), problems);
        assertEquals(2, listed.get("attributes").size(), "attributes were there to check");
        assertEquals(1, protectedTasks.get("protectedTasks").size(), "a protected task was there to check");
        assertEquals(2, services.get("services").get(0).get("deployments").size(), "deployments with their configuration were there to check");
        assertEquals(1, deleted.get("taskDefinitions").size(), "a deleted task definition was there to check");
    }

    @Test
    void taskSetResponsesHoldOnlyModelMembersOfTheModelTypes() throws IOException {
        sim = new WireFixture();
        JsonNode ecs = model("ecs");
        check(ecs, "CreateService", "{\"cluster\": \"prod-web\", \"serviceName\": \"ext\", \"desiredCount\": 2,"
                + " \"deploymentController\": {\"type\": \"EXTERNAL\"}}");
        String taskSet = "{\"cluster\": \"prod-web\", \"service\": \"ext\", \"taskDefinition\": \"web:1\", \"launchType\": \"FARGATE\", "
                + VPC + ", \"scale\": {\"value\": 50, \"unit\": \"PERCENT\"}, \"tags\": [{\"key\": \"k\", \"value\": \"v\"}]}";
        String id = check(ecs, "CreateTaskSet", taskSet).at("/taskSet/id").asText();
        sim.clock.advance(Duration.ofMinutes(2));
        check(ecs, "DescribeTaskSets", "{\"cluster\": \"prod-web\", \"service\": \"ext\", \"taskSets\": [\"" + id
                + "\", \"ecs-svc/1\"], \"include\": [\"TAGS\"]}");
        check(ecs, "UpdateTaskSet", "{\"cluster\": \"prod-web\", \"service\": \"ext\", \"taskSet\": \"" + id
                + "\", \"scale\": {\"value\": 100, \"unit\": \"PERCENT\"}}");
        check(ecs, "UpdateServicePrimaryTaskSet", "{\"cluster\": \"prod-web\", \"service\": \"ext\", \"primaryTaskSet\": \"" + id + "\"}");
        JsonNode service = check(ecs, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"ext\"]}");
        check(ecs, "DeleteTaskSet", "{\"cluster\": \"prod-web\", \"service\": \"ext\", \"taskSet\": \"" + id + "\", \"force\": true}");
        assertEquals(List.of(), problems);
        assertEquals(1, service.at("/services/0/taskSets/0/runningCount").asInt(), "the task set's running task (50% of 2) was there to check");
    }

    /** CloudWatch's metric answers (JSON 1.0) hold only the model's members, timestamps as numbers. */
    @Test
    void cloudWatchMetricAnswersHoldOnlyModelMembers() throws IOException {
        sim = new WireFixture();
        sim.clock.advance(Duration.ofMinutes(5));
        JsonNode model = model("monitoring");
        long now = sim.clock.now().getEpochSecond();
        String metric = "{\"Namespace\": \"AWS/ECS\", \"MetricName\": \"CPUUtilization\", \"Dimensions\": [{\"Name\": \"ClusterName\","
                + " \"Value\": \"prod-web\"}, {\"Name\": \"ServiceName\", \"Value\": \"web\"}]}";
        JsonNode data = checkCloudWatch(model, "GetMetricData", "{\"MetricDataQueries\": [{\"Id\": \"a\", \"MetricStat\": {\"Metric\": " + metric
                + ", \"Period\": 60, \"Stat\": \"Average\"}}], \"StartTime\": " + (now - 3600) + ", \"EndTime\": " + now + ", \"MaxDatapoints\": 3}");
        JsonNode stats = checkCloudWatch(model, "GetMetricStatistics", metric.substring(0, metric.length() - 1) + ", \"StartTime\": " + (now - 600)
                + ", \"EndTime\": " + now + ", \"Period\": 60, \"Statistics\": [\"Average\", \"Maximum\"]}");
        JsonNode listed = checkCloudWatch(model, "ListMetrics", "{\"Namespace\": \"ECS/ContainerInsights\", \"IncludeLinkedAccounts\": true}");
        checkCloudWatch(model, "PutMetricData", "{\"Namespace\": \"App\", \"MetricData\": [{\"MetricName\": \"M\", \"Value\": 1}]}");
        assertEquals(List.of(), problems);
        assertEquals(3, data.at("/MetricDataResults/0/Values").size(), "datapoints were there to check: " + data);
        assertEquals(10, stats.get("Datapoints").size(), "datapoints were there to check");
        assertEquals(listed.get("Metrics").size(), listed.get("OwningAccounts").size());
    }

    private JsonNode checkCloudWatch(JsonNode model, String operation, String body) {
        WireFixture.Reply r = sim.send(java.net.http.HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", model.path("metadata").path("targetPrefix").asText() + "." + operation)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, r.status(), operation + ": " + r.raw());
        JsonNode output = model.path("operations").path(operation).path("output");
        if (output.isMissingNode()) {
            if (r.body().size() > 0) {
                problems.add(operation + ": no output in the model, answered " + r.body());
            }
        } else {
            walk(model.get("shapes"), output.path("shape").asText(), r.body(), operation);
        }
        return r.body();
    }

    private static JsonNode model(String service) throws IOException {
        return WireShapesModelTest.model(service);
    }

    /** Calls the operation and walks its response against the operation's output shape. */
    private JsonNode check(JsonNode model, String operation, String body) {
        String prefix = model.path("metadata").path("targetPrefix").asText();
        JsonNode response = sim.ok(prefix.equals(ECS) ? ECS : prefix.equals(LOGS) ? LOGS : SCALING, operation, body);
        String output = model.path("operations").path(operation).path("output").path("shape").asText();
        walk(model.get("shapes"), output, response, operation);
        return response;
    }

    private void walk(JsonNode shapes, String shapeName, JsonNode value, String path) {
        JsonNode shape = shapes.get(shapeName);
        String type = shape.get("type").asText();
        switch (type) {
            case "structure":
                if (!value.isObject()) {
                    problems.add(path + ": a structure expected, found " + value);
                    return;
                }
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    JsonNode member = shape.path("members").get(field.getKey());
                    if (member == null) {
                        problems.add(path + "." + field.getKey() + ": not a member of " + shapeName);
                    } else {
                        walk(shapes, member.get("shape").asText(), field.getValue(), path + "." + field.getKey());
                    }
                }
                return;
            case "list":
                if (!value.isArray()) {
                    problems.add(path + ": a list expected, found " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    walk(shapes, shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]");
                }
                return;
            case "map":
                if (!value.isObject()) {
                    problems.add(path + ": a map expected, found " + value);
                    return;
                }
                value.properties().forEach(f -> walk(shapes, shape.path("value").path("shape").asText(), f.getValue(), path + "{" + f.getKey() + "}"));
                return;
            default:
                boolean fits = switch (type) {
                    case "string", "blob" -> value.isTextual();
                    case "integer", "long" -> value.isIntegralNumber();
                    case "double", "float", "timestamp" -> value.isNumber();
                    case "boolean" -> value.isBoolean();
                    default -> false;
                };
                if (!fits) {
                    problems.add(path + ": " + type + " expected, found " + value);
                }
        }
    }
}
