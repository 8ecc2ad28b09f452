"""boto3 against serve-sim, as deploy scripts use it (issue 17): an image redeploy with the
services_stable waiter, a scheduled task from an EventBridge Scheduler schedule seen running, a
capacity provider strategy, tags and a task's private IP. Traffic only to the endpoint given
(127.0.0.1); every wait is bounded."""
import sys
import time

import boto3
from botocore.config import Config

endpoint, account = sys.argv[1], sys.argv[2]
config = Config(retries={"max_attempts": 2})
ecs = boto3.client("ecs", endpoint_url=endpoint, region_name="us-east-1", config=config)
scheduler = boto3.client("scheduler", endpoint_url=endpoint, region_name="us-east-1", config=config)
events = boto3.client("events", endpoint_url=endpoint, region_name="us-east-1", config=config)


def check(what):
    print("deploy-tools-check: boto3 %s: %s" % (boto3.__version__, what))


def until(what, probe, seconds=60):
    """probe() until it returns something true, at most `seconds` (real time; the simulator runs at speed 30)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("timed out waiting for " + what)


# An image redeploy: describe, register a copy with a new image, update, wait services-stable.
cluster, service = "prod-web", "orders-api"
current = ecs.describe_services(cluster=cluster, services=[service])["services"][0]["taskDefinition"]
definition = ecs.describe_task_definition(taskDefinition=current)["taskDefinition"]
for read_only in ("taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt",
                  "registeredBy", "deregisteredAt"):
    definition.pop(read_only, None)
name = definition["containerDefinitions"][0]["name"]
definition["containerDefinitions"][0]["image"] = "public.ecr.aws/docker/library/python:3.12-boto3"
registered = ecs.register_task_definition(**definition)["taskDefinition"]["taskDefinitionArn"]
assert registered.startswith("arn:aws:ecs:us-east-1:%s:task-definition/" % account), registered
ecs.update_service(cluster=cluster, service=service, taskDefinition=registered)
ecs.get_waiter("services_stable").wait(cluster=cluster, services=[service], WaiterConfig={"Delay": 1, "MaxAttempts": 180})
primary = [d for d in ecs.describe_services(cluster=cluster, services=[service])["services"][0]["deployments"]
           if d["status"] == "PRIMARY"][0]
assert primary["taskDefinition"] == registered, primary
tasks = ecs.list_tasks(cluster=cluster, serviceName=service, desiredStatus="RUNNING")["taskArns"]
described = ecs.describe_tasks(cluster=cluster, tasks=tasks)["tasks"]
images = {c["image"] for t in described for c in t["containers"] if c["name"] == name}
assert images == {"public.ecr.aws/docker/library/python:3.12-boto3"}, images
check("image redeploy of %s to %s, waiter services_stable, %d tasks on the new image"
      % (service, registered.rsplit("/", 1)[1], len(described)))

# A task's private IP, from its network interface attachment.
task = described[0]
eni = [a for a in task["attachments"] if a["type"] == "ElasticNetworkInterface"][0]
details = {d["name"]: d["value"] for d in eni["details"]}
assert details["privateIPv4Address"].count(".") == 3, details
assert details["networkInterfaceId"].startswith("eni-"), details
check("task %s: private IP %s on %s" % (task["taskArn"].rsplit("/", 1)[1], details["privateIPv4Address"],
                                       details["networkInterfaceId"]))

# Tags on a task definition and a cluster, with include=TAGS.
cluster_arn = ecs.describe_clusters(clusters=[cluster])["clusters"][0]["clusterArn"]
ecs.tag_resource(resourceArn=registered, tags=[{"key": "release", "value": "2026-12-06"}])
got = ecs.describe_task_definition(taskDefinition=registered, include=["TAGS"])["tags"]
assert {"key": "release", "value": "2026-12-06"} in got, got
ecs.untag_resource(resourceArn=registered, tagKeys=["release"])
assert ecs.list_tags_for_resource(resourceArn=registered)["tags"] == [], "untag_resource left tags"
check("tag_resource / describe_task_definition(include=TAGS) / untag_resource round-trip")

# A capacity provider strategy: FARGATE_SPOT only, every task on it.
ecs.create_cluster(clusterName="boto-spot", capacityProviders=["FARGATE", "FARGATE_SPOT"],
                   defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE_SPOT", "weight": 1}])
ecs.run_task(cluster="boto-spot", taskDefinition=registered, count=3,
             networkConfiguration={"awsvpcConfiguration": {"subnets": ["subnet-0aa"]}})
spot = ecs.describe_tasks(cluster="boto-spot", tasks=ecs.list_tasks(cluster="boto-spot")["taskArns"])["tasks"]
assert [t["capacityProviderName"] for t in spot] == ["FARGATE_SPOT"] * 3, [t.get("capacityProviderName") for t in spot]
check("run_task on a cluster whose default strategy is FARGATE_SPOT: 3 tasks on FARGATE_SPOT")

# A scheduled task from EventBridge Scheduler.
scheduler.create_schedule(
    Name="boto-hourly-report", ScheduleExpression="rate(1 minute)", FlexibleTimeWindow={"Mode": "OFF"},
    Target={"Arn": cluster_arn, "RoleArn": "arn:aws:iam::%s:role/scheduler-ecs" % account,
            "EcsParameters": {"TaskDefinitionArn": registered, "TaskCount": 1, "LaunchType": "FARGATE",
                              "NetworkConfiguration": {"awsvpcConfiguration": {"Subnets": ["subnet-0aa"]}}}})
schedule = scheduler.get_schedule(Name="boto-hourly-report")
assert schedule["State"] == "ENABLED", schedule


def scheduled_tasks():
    listed = ecs.list_tasks(cluster=cluster, family=registered.rsplit("/", 1)[1].split(":")[0])["taskArns"]
    found = ecs.describe_tasks(cluster=cluster, tasks=listed)["tasks"] if listed else []
    return [t for t in found if t.get("startedBy", "").startswith("chronos")]


started = until("a task started by the schedule", scheduled_tasks)
check("scheduler create_schedule rate(1 minute): task %s started by %s"
      % (started[0]["taskArn"].rsplit("/", 1)[1], started[0]["startedBy"]))

rules = events.list_rules()["Rules"]
assert any(r["Name"] == "cli-nightly" for r in rules), rules
check("events list_rules sees the CLI's rule cli-nightly")

# ECS Exec: the simulator answers ExecuteCommand with a session (there is no Session Manager behind it).
web_task = ecs.list_tasks(cluster="prod-web", serviceName="web", desiredStatus="RUNNING")["taskArns"][0]
session = ecs.execute_command(cluster="prod-web", task=web_task, container="web", interactive=True, command="/bin/sh")
assert session["session"]["streamUrl"].startswith("wss://ssmmessages.us-east-1.amazonaws.com/"), session
check("execute_command on web's task: session %s" % session["session"]["sessionId"])
