import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Pages get their security headers, nonce-based CSP included, from our server
// (apps/web/src/server/http/page-security-headers.ts), which answers before Next.js.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

const withNextIntl = createNextIntlPlugin('./src/ui/i18n/request.ts');

export default withNextIntl(nextConfig);
