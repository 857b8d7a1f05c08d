import type { NextConfig } from 'next';

// API responses carry their own headers (our server answers /api before Next.js); these cover the pages.
const pageSecurityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  // Patient data must never render inside another site's frame (clickjacking).
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: pageSecurityHeaders }];
  },
};

export default nextConfig;
