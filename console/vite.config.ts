import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the build at /console; `npm run dev` proxies the API to a running gateway.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', chunkSizeWarningLimit: 2500 },
  server: {
    port: 5173,
    proxy: {
      '/graphql': gateway,
      '/files': gateway,
      '/console/auth-config': gateway,
      '/console/demo-sign-in': gateway,
      '/console/demo-identities': gateway,
    },
  },
});
