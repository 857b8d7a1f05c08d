import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readStackSettings } from './lib/stack-settings';

const settingsFrom = (context: Record<string, unknown>) => readStackSettings(new App({ context }).node);

describe('readStackSettings', () => {
  it('should default to self-hosted AI in three zones of us-east-1', () => {
    expect(settingsFrom({ domainName: 'app.clinic.example', imageTag: '1.2.0' })).toMatchObject({
      region: 'us-east-1',
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      aiMode: 'self-hosted',
      gpuSpot: false,
      certificateArn: undefined,
    });
  });

  it('should read command-line strings and cdk.json booleans alike', () => {
    const base = { domainName: 'app.clinic.example', imageTag: '1.2.0' };
    expect(settingsFrom({ ...base, gpuSpot: 'true' }).gpuSpot).toBe(true);
    expect(settingsFrom({ ...base, gpuSpot: true }).gpuSpot).toBe(true);
  });

  it('should name every bad setting at once', () => {
    expect(() =>
      settingsFrom({ aiMode: 'cloud', region: 'sa-east-1', availabilityZones: 'us-east-1a,us-east-1b' }),
    ).toThrow(
      /domainName: required[\s\S]*availabilityZones: three zones of sa-east-1[\s\S]*aiMode: must be one of self-hosted, external[\s\S]*imageTag: required/,
    );
  });
});
