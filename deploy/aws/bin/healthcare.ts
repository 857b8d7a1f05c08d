import { App, Tags } from 'aws-cdk-lib';
import { HealthcareStack } from '../lib/healthcare-stack';
import { RegistriesStack } from '../lib/registries';
import { readStackSettings } from '../lib/stack-settings';

// `npm run cdk:synth` (cdk.json runs this file). Settings come from context only, so the same
// command gives the same template on any machine, with no credentials and no lookups.
const app = new App();
const settings = readStackSettings(app.node);
// The account is left to the deploying credentials; a concrete account would make the zones a lookup.
const env = { region: settings.region };
const registries = new RegistriesStack(app, 'HealthCareRegistries', {
  env,
  description: 'HealthCare image repositories',
});
const stack = new HealthcareStack(app, 'HealthCare', {
  env,
  settings,
  description: `HealthCare clinical documentation (AI: ${settings.aiMode})`,
});
// `cdk deploy --all` creates the repositories first; push the images before the services' stack.
stack.addDependency(registries);
for (const tagged of [registries, stack]) Tags.of(tagged).add('application', 'healthcare');
// Marks every resource as holding health data, for cost reports and AWS Config rules alike.
Tags.of(stack).add('data-classification', 'phi');
