import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export const logStreams = ['web', 'worker', 'migrate', 'stt', 'llm'] as const;
export type LogStream = (typeof logStreams)[number];

export interface ObservabilityProps {
  alarmEmail: string | undefined;
}

export interface WatchedResources {
  loadBalancer: elbv2.ApplicationLoadBalancer;
  webTargets: elbv2.ApplicationTargetGroup;
  database: rds.DatabaseInstance;
}

/**
 * Log groups the tasks write to (stdout through the awslogs driver), and the alarms an on-call
 * person acts on. Application logs hold ids and timings, never patient data (redacted by allow-list).
 */
export class Observability extends Construct {
  readonly logGroups: Record<LogStream, logs.LogGroup>;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const logGroup = (stream: LogStream) =>
      new logs.LogGroup(this, stream, {
        logGroupName: `/healthcare/${stream}`,
        retention: logs.RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.logGroups = {
      web: logGroup('web'),
      worker: logGroup('worker'),
      migrate: logGroup('migrate'),
      stt: logGroup('stt'),
      llm: logGroup('llm'),
    };
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: 'HealthCare alarms', enforceSSL: true });
    if (props.alarmEmail)
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
  }

  /** The alarms on what clinicians feel first (errors, slowness) and what fills up silently (database). */
  watch(resources: WatchedResources): void {
    const loadBalancerMetrics = resources.loadBalancer.metrics;
    this.alarm('LoadBalancer5xx', {
      metric: loadBalancerMetrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, {
        period: Duration.minutes(5),
        statistic: 'Sum',
      }),
      threshold: 10,
      evaluationPeriods: 1,
      alarmDescription:
        'The load balancer answered 5xx itself: no healthy web task, or tasks refusing connections',
    });
    this.alarm('Target5xx', {
      metric: resources.webTargets.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
        period: Duration.minutes(5),
        statistic: 'Sum',
      }),
      threshold: 20,
      evaluationPeriods: 1,
      alarmDescription: 'The web tasks answered 5xx',
    });
    // Time to the first response byte, so long event streams and uploads do not distort it.
    this.alarm('TargetResponseTime', {
      metric: resources.webTargets.metrics.targetResponseTime({
        period: Duration.minutes(5),
        statistic: 'p95',
      }),
      threshold: 2,
      evaluationPeriods: 3,
      alarmDescription: 'p95 response time of the web tasks above 2 s for 15 minutes',
    });
    this.alarm('DatabaseCpu', {
      metric: resources.database.metricCPUUtilization({ period: Duration.minutes(5) }),
      threshold: 80,
      evaluationPeriods: 3,
      alarmDescription: 'PostgreSQL CPU above 80% for 15 minutes',
    });
    this.alarm('DatabaseFreeStorage', {
      metric: resources.database.metricFreeStorageSpace({ period: Duration.minutes(5) }),
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      // Storage autoscaling grows the volume, but only up to its maximum and once every 6 hours.
      threshold: 10 * 1024 ** 3,
      evaluationPeriods: 1,
      alarmDescription: 'PostgreSQL free storage below 10 GiB',
    });
  }

  private alarm(id: string, props: cloudwatch.AlarmProps): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
    alarm.addOkAction(new actions.SnsAction(this.alarmTopic));
  }
}
