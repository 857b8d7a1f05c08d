import { Duration, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface DatabaseProps {
  vpc: ec2.IVpc;
  /** Inside the task image: the RDS certificate bundle, so the driver verifies the server it talks to. */
  caBundlePath: string;
}

const databaseName = 'healthcare';
const ownerName = 'healthcare_owner';
// The role the migrations create (packages/core/src/db/migrate-database.ts): no ownership, no BYPASSRLS.
const appRoleName = 'healthcare_app';

/**
 * PostgreSQL for the clinical record: Multi-AZ, encrypted, backed up with point-in-time recovery,
 * and hard to delete by accident. The app connects as a role under row-level security; only the
 * migration task holds the owner's password.
 */
export class Database extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly securityGroup: ec2.SecurityGroup;
  /** JSON: `appUrl` (DATABASE_URL), `ownerUrl` (DATABASE_MIGRATION_URL), `appPassword` (DATABASE_APP_PASSWORD). */
  readonly connectionSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'PostgreSQL: reachable only from the tasks granted access',
      allowAllOutbound: false,
    });

    // Letters and digits only: both passwords go inside connection URLs unescaped.
    const ownerSecret = new secretsmanager.Secret(this, 'OwnerSecret', {
      description: 'PostgreSQL owner login (migrations only)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: ownerName }),
        generateStringKey: 'password',
        excludePunctuation: true,
        passwordLength: 40,
      },
    });
    const appPasswordSecret = new secretsmanager.Secret(this, 'AppPasswordSecret', {
      description: `PostgreSQL password of ${appRoleName}, set by the migration task`,
      generateSecretString: { excludePunctuation: true, passwordLength: 40 },
    });

    const parameterGroup = new rds.ParameterGroup(this, 'Parameters', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 }),
      parameters: {
        // LGPD/HIPAA transmission security: the server refuses any connection without TLS.
        'rds.force_ssl': '1',
        // Long transactions block pg-boss and vacuum; an idle one holding locks is a bug.
        idle_in_transaction_session_timeout: '60000',
        log_min_duration_statement: '1000',
      },
    });

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M7G, ec2.InstanceSize.LARGE),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [this.securityGroup],
      multiAz: true,
      databaseName,
      credentials: rds.Credentials.fromSecret(ownerSecret),
      parameterGroup,
      allocatedStorage: 100,
      maxAllocatedStorage: 1000,
      storageType: rds.StorageType.GP3,
      storageEncrypted: true,
      // Automated backups with transaction logs give point-in-time recovery to any second of the window.
      backupRetention: Duration.days(35),
      preferredBackupWindow: '05:00-06:00',
      preferredMaintenanceWindow: 'sun:06:30-sun:07:30',
      deleteAutomatedBackups: false,
      copyTagsToSnapshot: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      autoMinorVersionUpgrade: true,
      enablePerformanceInsights: true,
      monitoringInterval: Duration.seconds(60),
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: logs.RetentionDays.THREE_MONTHS,
    });

    const host = this.instance.dbInstanceEndpointAddress;
    const port = this.instance.dbInstanceEndpointPort;
    const tls = `sslmode=verify-full&sslrootcert=${props.caBundlePath}`;
    const ownerPassword = ownerSecret.secretValueFromJson('password').unsafeUnwrap();
    const appPassword = appPasswordSecret.secretValue.unsafeUnwrap();
    // CloudFormation resolves the `{{resolve:secretsmanager:…}}` references inside these strings at
    // deploy time: the template holds references, never a password.
    this.connectionSecret = new secretsmanager.Secret(this, 'ConnectionSecret', {
      description: 'PostgreSQL connection URLs for the app and the migration task',
      secretObjectValue: {
        appUrl: SecretValue.unsafePlainText(
          `postgresql://${appRoleName}:${appPassword}@${host}:${port}/${databaseName}?${tls}`,
        ),
        ownerUrl: SecretValue.unsafePlainText(
          `postgresql://${ownerName}:${ownerPassword}@${host}:${port}/${databaseName}?${tls}`,
        ),
        appPassword: appPasswordSecret.secretValue,
      },
    });
  }
}
