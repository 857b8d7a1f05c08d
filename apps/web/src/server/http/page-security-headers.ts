import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A page's Content-Security-Policy with a fresh nonce: only the scripts Next.js renders with
 * that nonce run, so injected markup cannot execute even if some text escaped sanitising.
 * Styles stay 'unsafe-inline' (React writes style attributes); they cannot run code.
 */
export function pagePolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load the page's chunks; dev tooling needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    // Document previews are our own PDF responses, framed by our own page.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const pageHeaders = {
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The recorder needs the microphone, on our origin only; nothing else is ever asked for.
  'permissions-policy': 'microphone=(self), camera=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
} as const;

export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';

/**
 * Sets the page's security headers before Next.js renders it. Next.js takes the nonce from
 * the request's Content-Security-Policy header and puts it on every script it emits.
 */
export function applyPageSecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  options: { dev: boolean; https: boolean },
): void {
  const policy = pagePolicy(randomBytes(16).toString('base64'), options);
  request.headers['content-security-policy'] = policy;
  response.setHeader('content-security-policy', policy);
  for (const [name, value] of Object.entries(pageHeaders)) response.setHeader(name, value);
  if (options.https) response.setHeader('strict-transport-security', strictTransportSecurity);
}
