import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface WafProps {
  loadBalancer: elbv2.IApplicationLoadBalancer;
  /**
   * Requests per IP in any 5 minutes. A clinic's clinicians often share one public IP, and each
   * recording sends a chunk every few seconds plus its page and event traffic.
   */
  requestsPerFiveMinutes?: number;
}

/** Managed rule groups that AWS keeps current; the app's own defenses (parameterized SQL, CSP) remain the first line. */
export const managedRuleGroups = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
] as const;

/** WAFv2 in front of the public load balancer: defense in depth, the role ModSecurity plays on a single host. */
export class Waf extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: WafProps) {
    super(scope, id);
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      // Sampled requests would keep clinical text from blocked bodies in the WAF console.
      sampledRequestsEnabled: false,
    });
    const managedRules = managedRuleGroups.map((name, index): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority: 10 + index,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          // The common set blocks bodies over 8 KB; audio chunks, whole recordings and documents
          // are megabytes, and a long note is more than 8 KB of JSON. The app limits sizes itself.
          ...(name === 'AWSManagedRulesCommonRuleSet'
            ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }
            : {}),
        },
      },
      visibilityConfig: visibility(name),
    }));
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('healthcare-web-acl'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.requestsPerFiveMinutes ?? 3000,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
            },
          },
          visibilityConfig: visibility('rate-limit-per-ip'),
        },
        ...managedRules,
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'LoadBalancerAssociation', {
      resourceArn: props.loadBalancer.loadBalancerArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
