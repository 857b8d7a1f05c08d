import type { NextConfig } from 'next';

// Pages get their security headers, nonce-based CSP included, from our server
// (apps/web/src/server/http/page-security-headers.ts), which answers before Next.js.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
