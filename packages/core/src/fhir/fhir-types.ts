/**
 * The slice of FHIR R4 this product writes. Hand-written rather than generated: the builders use
 * a few elements of seven resource types, and the tests check every resource against the
 * official R4 JSON schema anyway.
 */
export interface Coding {
  system: string;
  code: string;
  display: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference: string;
  display?: string;
}

export interface Narrative {
  status: 'generated';
  div: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'secondary';
  system?: string;
  value: string;
  type?: CodeableConcept;
}

export interface FhirResource {
  resourceType: string;
  id: string;
  meta?: { lastUpdated: string };
  language?: string;
  text?: Narrative;
}

export interface FhirPatient extends FhirResource {
  resourceType: 'Patient';
  identifier: Identifier[];
  active: boolean;
  name: { text: string }[];
  gender: 'female' | 'male' | 'other' | 'unknown';
  birthDate: string;
  telecom?: { system: 'phone' | 'email'; value: string }[];
  managingOrganization: Reference;
}

export interface FhirOrganization extends FhirResource {
  resourceType: 'Organization';
  identifier: Identifier[];
  active: boolean;
  name: string;
}

export interface FhirPractitioner extends FhirResource {
  resourceType: 'Practitioner';
  identifier: Identifier[];
  active: boolean;
  name: { text: string }[];
}

export interface FhirEncounter extends FhirResource {
  resourceType: 'Encounter';
  identifier: Identifier[];
  status: 'in-progress' | 'finished';
  class: Coding;
  subject: Reference;
  participant?: { individual: Reference }[];
  period: { start: string; end?: string };
  serviceProvider: Reference;
}

export interface CompositionSection {
  title: string;
  code?: CodeableConcept;
  author?: Reference[];
  text: Narrative;
  emptyReason?: CodeableConcept;
}

export interface FhirComposition extends FhirResource {
  resourceType: 'Composition';
  identifier: Identifier;
  status: 'final' | 'amended';
  type: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  date: string;
  author: Reference[];
  title: string;
  attester: { mode: 'legal'; time: string; party: Reference }[];
  custodian: Reference;
  section: CompositionSection[];
}

export interface Attachment {
  contentType: string;
  url: string;
  size?: number;
  title: string;
  creation: string;
}

export interface FhirDocumentReference extends FhirResource {
  resourceType: 'DocumentReference';
  identifier: Identifier[];
  status: 'current';
  type?: CodeableConcept;
  subject: Reference;
  date: string;
  author?: Reference[];
  authenticator?: Reference;
  custodian: Reference;
  description: string;
  content: { attachment: Attachment }[];
  context?: { encounter: Reference[]; related?: Reference[] };
}

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  meta: { lastUpdated: string };
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}
