import { SecretValue } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface CacheProps {
  vpc: ec2.IVpc;
}

/**
 * Redis for rate limits, login lockouts and the live-event fan-out between web replicas. A cache:
 * losing it loses no data, but a failover keeps lockouts and live transcripts working meanwhile.
 */
export class Cache extends Construct {
  readonly securityGroup: ec2.SecurityGroup;
  readonly replicationGroup: elasticache.CfnReplicationGroup;
  /** JSON: `url` (REDIS_URL, rediss:// with the auth token). */
  readonly connectionSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: CacheProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Redis: reachable only from the tasks granted access',
      allowAllOutbound: false,
    });
    // ElastiCache refuses some punctuation in auth tokens, and the token goes inside a URL.
    const authToken = new secretsmanager.Secret(this, 'AuthToken', {
      description: 'Redis AUTH token',
      generateSecretString: { excludePunctuation: true, passwordLength: 64 },
    });
    const subnetGroup = new elasticache.CfnSubnetGroup(this, 'Subnets', {
      description: 'Isolated subnets of the health care VPC',
      subnetIds: props.vpc.isolatedSubnets.map((subnet) => subnet.subnetId),
    });
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'ReplicationGroup', {
      replicationGroupDescription: 'HealthCare cache and event fan-out',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: 'cache.t4g.small',
      // A primary and a replica in another zone; the replica is promoted automatically.
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      cacheSubnetGroupName: subnetGroup.ref,
      securityGroupIds: [this.securityGroup.securityGroupId],
      port: 6379,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      authToken: authToken.secretValue.unsafeUnwrap(),
      atRestEncryptionEnabled: true,
      snapshotRetentionLimit: 1,
      autoMinorVersionUpgrade: true,
    });
    this.connectionSecret = new secretsmanager.Secret(this, 'ConnectionSecret', {
      description: 'Redis connection URL (TLS, auth token)',
      secretObjectValue: {
        url: SecretValue.unsafePlainText(
          `rediss://:${authToken.secretValue.unsafeUnwrap()}@${this.replicationGroup.attrPrimaryEndPointAddress}:${this.replicationGroup.attrPrimaryEndPointPort}`,
        ),
      },
    });
  }
}
