import type { ReferenceStyle } from './fhir-references';

/** What every builder needs besides its rows: how to reference, and where our API lives. */
export interface FhirContext {
  style: ReferenceStyle;
  /** The API root, e.g. `https://clinic.example/api/v1/`, for attachment URLs. */
  apiUrl: URL;
}

export function apiUrlOf(publicUrl: URL): URL {
  return new URL('api/v1/', publicUrl);
}
