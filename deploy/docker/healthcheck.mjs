/* global fetch, AbortSignal -- Node 20 globals, absent from the lint config for .mjs */
// HEALTHCHECK for our Node images, which carry no curl: exits 0 when the URL answers 2xx.
// A plain .mjs so that the probe starts in ~50 ms without loading tsx.
const url = process.argv[2];
if (!url) {
  console.error('usage: node healthcheck.mjs <url>');
  process.exit(2);
}
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  await response.body?.cancel();
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
