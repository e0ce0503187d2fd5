import type { NextConfig } from 'next';

// The BFF (apps/bff) hosts this app with `next({ dir: 'apps/web' })` and serves the API
// itself, so there are no API routes here and nothing is proxied.
const nextConfig: NextConfig = {
  // The contract ships TypeScript source; its schemas re-export the driver's node-free model.
  transpilePackages: ['@zonedeck/api', '@zonedeck/smartos'],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
