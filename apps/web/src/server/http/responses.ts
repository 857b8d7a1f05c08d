export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const text = JSON.stringify(body);
  const merged = new Headers(headers);
  merged.set('content-type', 'application/json; charset=utf-8');
  // A declared length lets the Node adapter send a small answer in one write (node-adapter.ts).
  merged.set('content-length', String(Buffer.byteLength(text)));
  return new Response(text, { status, headers: merged });
}

export function noContent(headers?: HeadersInit): Response {
  return new Response(null, { status: 204, headers });
}

/** FHIR's own media type (FHIR R4 §3.1.0.1.8), which FHIR clients ask for and expect back. */
export function fhirJsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/fhir+json; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}
