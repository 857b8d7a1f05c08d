import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface NetworkProps {
  availabilityZones: string[];
}

/**
 * Three tiers over three zones: public (load balancer, NAT), private with egress (tasks, GPU hosts),
 * isolated (database, cache: no route to the internet at all, so patient data cannot leave by them).
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      availabilityZones: props.availabilityZones,
      // One NAT per zone: with a single one, losing its zone would cut every task's egress
      // (image pulls, external AI APIs) even in the zones still standing.
      natGateways: props.availabilityZones.length,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // Free gateway endpoints: S3 traffic (audio, documents, image layers) stays off the NAT,
      // which charges per gigabyte. Interface endpoints cost per zone and hour, so they are left out.
      gatewayEndpoints: {
        s3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
      },
    });
    this.vpc.addFlowLog('FlowLog', {
      trafficType: ec2.FlowLogTrafficType.REJECT,
    });
  }
}
