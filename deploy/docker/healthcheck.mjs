/* global fetch, AbortSignal -- Node 20 globals, absent from the lint config for .mjs */
// HEALTHCHECK for our Node images, which carry no curl: exits 0 when the URL answers below 400.
// Redirects are not followed: the edge answers plain HTTP with its HTTPS redirect, which proves it
// serves without having to trust its (possibly self-signed) certificate.
// A plain .mjs so that the probe starts in ~50 ms without loading tsx.
const url = process.argv[2];
if (!url) {
  console.error('usage: node healthcheck.mjs <url>');
  process.exit(2);
}
try {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(4000) });
  await response.body?.cancel();
  process.exit(response.status < 400 ? 0 : 1);
} catch {
  process.exit(1);
}
