"""boto3 against serve-sim (issue 18): CloudWatch metrics and alarms (boto3 speaks AWS JSON 1.0 to
CloudWatch), ECR repositories and images, and a CloudWatch Logs Live Tail session (an event stream;
boto3 needs inject_host_prefix=False for a local endpoint, as StartLiveTail's endpoint has the host
prefix "stream-"). Traffic only to the endpoint given (127.0.0.1); every wait is bounded."""
import datetime
import sys

import boto3
from botocore.config import Config

endpoint = sys.argv[1]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="ECSDECKLOCAL",
          aws_secret_access_key="ecsdeck-local-simulator")
config = Config(retries={"max_attempts": 2}, read_timeout=30)
cw = boto3.client("cloudwatch", config=config, **kw)
ecr = boto3.client("ecr", config=config, **kw)
logs = boto3.client("logs", config=Config(inject_host_prefix=False, read_timeout=30, retries={"max_attempts": 1}), **kw)


def check(what):
    print("observability-check: boto3 %s: %s" % (boto3.__version__, what))


# --- Metrics: the service's CPU for the last 3 hours (the demo has history from before its start).
now = datetime.datetime.now(datetime.timezone.utc)
dims = [{"Name": "ClusterName", "Value": "prod-web"}, {"Name": "ServiceName", "Value": "web"}]
data = cw.get_metric_data(StartTime=now - datetime.timedelta(hours=3), EndTime=now + datetime.timedelta(minutes=5),
                          MetricDataQueries=[{"Id": "cpu", "MetricStat": {"Metric": {"Namespace": "AWS/ECS",
                                              "MetricName": "CPUUtilization", "Dimensions": dims}, "Period": 60,
                                              "Stat": "Average"}}])["MetricDataResults"][0]
assert data["StatusCode"] == "Complete" and len(data["Values"]) >= 150, (data["StatusCode"], len(data["Values"]))
assert all(0 <= v <= 100 for v in data["Values"]), data["Values"][:5]
check("get_metric_data AWS/ECS CPUUtilization of prod-web/web: %d one-minute averages" % len(data["Values"]))
stats = cw.get_metric_statistics(Namespace="AWS/ECS", MetricName="MemoryUtilization", Dimensions=dims,
                                 StartTime=now - datetime.timedelta(hours=1), EndTime=now + datetime.timedelta(minutes=5),
                                 Period=300, Statistics=["Average", "Maximum"])
assert stats["Datapoints"] and all(d["Unit"] == "Percent" for d in stats["Datapoints"]), stats["Datapoints"][:2]
names = {m["MetricName"] for page in cw.get_paginator("list_metrics").paginate(Namespace="ECS/ContainerInsights")
         for m in page["Metrics"]}
assert {"RunningTaskCount", "DesiredTaskCount", "PendingTaskCount"} <= names, names
check("get_metric_statistics (Percent), list_metrics ECS/ContainerInsights: %s" % ", ".join(sorted(names)[:4]))

# --- Alarms: made, forced, described with history, deleted; the demo's deployment alarm is there.
cw.put_metric_alarm(AlarmName="ci-web-cpu", Namespace="AWS/ECS", MetricName="CPUUtilization", Dimensions=dims,
                    Statistic="Average", Period=60, EvaluationPeriods=3, DatapointsToAlarm=2, Threshold=99.5,
                    ComparisonOperator="GreaterThanThreshold", TreatMissingData="notBreaching")
cw.set_alarm_state(AlarmName="ci-web-cpu", StateValue="ALARM", StateReason="set by the CI check")
alarm = cw.describe_alarms(AlarmNames=["ci-web-cpu"])["MetricAlarms"][0]
assert alarm["StateValue"] == "ALARM" and alarm["AlarmArn"].endswith(":alarm:ci-web-cpu"), alarm
history = cw.describe_alarm_history(AlarmName="ci-web-cpu", HistoryItemType="StateUpdate")["AlarmHistoryItems"]
assert any("to ALARM" in h["HistorySummary"] for h in history), history
deployment_alarm = cw.describe_alarms(AlarmNames=["payments-cpu-high"])["MetricAlarms"]
assert deployment_alarm and deployment_alarm[0]["Threshold"] == 80, deployment_alarm
cw.delete_alarms(AlarmNames=["ci-web-cpu"])
assert not cw.describe_alarms(AlarmNames=["ci-web-cpu"])["MetricAlarms"]
try:
    cw.delete_alarms(AlarmNames=["ci-no-such-alarm"])
    raise AssertionError("delete_alarms of an unknown alarm succeeded")
except cw.exceptions.ResourceNotFound:
    pass
check("put_metric_alarm, set_alarm_state, describe_alarms, describe_alarm_history, delete_alarms (ResourceNotFound)")

# --- ECR: repositories and images, a missing tag refused as ECR refuses it.
repos = [r["repositoryName"] for page in ecr.get_paginator("describe_repositories").paginate(PaginationConfig={"PageSize": 3})
         for r in page["repositories"]]
assert "payments" in repos and "checkout" in repos, repos
images = ecr.describe_images(repositoryName="checkout")["imageDetails"]
critical = [i for i in images if "1.7.2" in i.get("imageTags", [])][0]
assert critical["imageScanFindingsSummary"]["findingSeverityCounts"]["CRITICAL"] == 2, critical
assert critical["imageDigest"].startswith("sha256:") and critical["imageSizeInBytes"] > 0
try:
    ecr.describe_images(repositoryName="orders-api", imageIds=[{"imageTag": "v3.4.1"}])
    raise AssertionError("describe_images found the mistyped tag")
except ecr.exceptions.ImageNotFoundException:
    pass
check("ecr describe_repositories (%d, paged by 3), describe_images with findings, ImageNotFoundException" % len(repos))

# --- Live Tail: sessionStart, then updates with the lines ingested each simulated second.
group = [g for g in logs.describe_log_groups(logGroupNamePrefix="/ecs/web")["logGroups"] if g["logGroupName"] == "/ecs/web"][0]
stream = logs.start_live_tail(logGroupIdentifiers=[group["logGroupArn"].rstrip("*").rstrip(":")])["responseStream"]
started, updates, lines = False, 0, 0
for event in stream:
    if "sessionStart" in event:
        started = True
    elif "sessionUpdate" in event:
        updates += 1
        lines += len(event["sessionUpdate"]["sessionResults"])
        if updates >= 3 and lines > 0:
            break
    if updates > 60:
        break
stream.close()
assert started and updates >= 3 and lines > 0, (started, updates, lines)
check("logs start_live_tail on /ecs/web: sessionStart, %d sessionUpdates, %d lines" % (updates, lines))
print("observability-check: boto3 ok")
