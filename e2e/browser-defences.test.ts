import type { Browser } from 'playwright-core';
import { launchChromium } from './launch-chromium';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startWebServer, type WebServer } from './start-web-server';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  server = await startWebServer(inject('testDatabase').appUrl);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

describe('browser defences', () => {
  test('should serve every page with a fresh nonce-based policy that its own scripts carry', async () => {
    const responses = [await fetch(`${server.baseUrl}/login`), await fetch(`${server.baseUrl}/login`)];
    const nonces = responses.map((response) =>
      nonceOf(response.headers.get('content-security-policy') ?? ''),
    );
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[1]).not.toBe(nonces[0]);

    const [response] = responses;
    const policy = response!.headers.get('content-security-policy')!;
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response!.headers.get('permissions-policy')).toMatch(/(^|, )microphone=\(self\)/);
    expect(response!.headers.get('referrer-policy')).toBe('same-origin');
    expect(response!.headers.get('x-frame-options')).toBe('DENY');

    const html = await response!.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonces[0]}"`);
  });

  test('should run the pages under that policy without a single violation', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    try {
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { reportViolation(directive: string): void }).reportViolation(
            `${event.violatedDirective} ${event.blockedURI}`,
          ),
        );
      });
      await page.goto(`${server.baseUrl}/signup`);
      // React hydrated the form, so every nonced script ran.
      await page.waitForFunction(() =>
        Object.keys(document.querySelector('form') ?? {}).some((key) => key.startsWith('__reactFiber')),
      );
      expect(violations).toEqual([]);
      // Markup injected the way an XSS payload arrives: its inline handler is refused.
      await page.evaluate(() =>
        document.body.insertAdjacentHTML(
          'beforeend',
          '<img src="/no-such-image.png" onerror="window.injected = true" alt="">',
        ),
      );
      await page.waitForFunction(() =>
        document.querySelector<HTMLImageElement>('img[src="/no-such-image.png"]'),
      );
      await expect.poll(() => violations).toEqual([expect.stringMatching(/^script-src-attr/)]);
      expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    } finally {
      await page.close();
    }
  });

  test('should keep the API closed to other origins', async () => {
    const preflight = await fetch(`${server.baseUrl}/api/v1/patients`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-csrf-token',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const read = await fetch(`${server.baseUrl}/api/v1/me`, { headers: { origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});
