import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HealthcareStack } from '../lib/healthcare-stack';
import { readStackSettings } from '../lib/stack-settings';

/** cdk.json's context (settings and feature flags), so tests build what `cdk synth` builds. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

/** One synth of the whole stack (~8 s, ~440 MB): call it once per test file, in beforeAll. */
export function synthHealthcareStack(context: Record<string, unknown> = {}) {
  const app = new App({ context: { ...cdkJsonContext(), ...context } });
  const settings = readStackSettings(app.node);
  const stack = new HealthcareStack(app, 'HealthCare', { env: { region: settings.region }, settings });
  return { stack, template: Template.fromStack(stack) };
}

export type TemplateResources = Record<string, { Type: string; Properties?: any; DeletionPolicy?: string }>;

export interface ContainerDefinition {
  Name: string;
  Image: unknown;
  EntryPoint?: string[];
  Command?: string[];
  Environment?: { Name: string; Value: unknown }[];
  Secrets?: { Name: string; ValueFrom: unknown }[];
  DependsOn?: { ContainerName: string; Condition: string }[];
  ResourceRequirements?: { Type: string; Value: string }[];
  LogConfiguration?: { LogDriver: string };
}

/** Every container of every task definition, keyed `TaskDefinitionLogicalId/ContainerName`. */
export function containersOf(template: Template): Map<string, ContainerDefinition> {
  const containers = new Map<string, ContainerDefinition>();
  for (const [id, resource] of Object.entries(template.findResources('AWS::ECS::TaskDefinition'))) {
    for (const container of (resource as any).Properties.ContainerDefinitions as ContainerDefinition[]) {
      containers.set(`${id}/${container.Name}`, container);
    }
  }
  return containers;
}

/** The container whose task definition's logical id starts with `prefix` (e.g. `AppWebTask`). */
export function containerOf(template: Template, taskPrefix: string, name: string): ContainerDefinition {
  for (const [key, container] of containersOf(template)) {
    if (key.startsWith(taskPrefix) && container.Name === name) return container;
  }
  throw new Error(`no container ${name} in a task definition ${taskPrefix}*`);
}

export function environmentOf(container: ContainerDefinition): Record<string, unknown> {
  return Object.fromEntries((container.Environment ?? []).map((variable) => [variable.Name, variable.Value]));
}

export function secretNamesOf(container: ContainerDefinition): string[] {
  return (container.Secrets ?? []).map((secret) => secret.Name);
}

/** The logical id a `{ Ref }` or `{ Fn::GetAtt }` points at. */
export function referencedId(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    if ('Ref' in value) return (value as { Ref: string }).Ref;
    if ('Fn::GetAtt' in value) return (value as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  }
  return undefined;
}

export function onlyId(resources: Record<string, unknown>): string {
  const ids = Object.keys(resources);
  if (ids.length !== 1) throw new Error(`expected one resource, found ${ids.length}: ${ids.join(', ')}`);
  return ids[0]!;
}
