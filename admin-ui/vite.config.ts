import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In development the API runs separately (`cargo run -p api`, port 8080);
// in production the Rust server serves `dist/` and `/graphql` on one origin.
const local = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const apiOrigin = process.env.API_ORIGIN ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: apiOrigin, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // No public source maps: `dist/` is what the server publishes. Build them
    // for local debugging with `SOURCEMAP=1 npm run build` (and the server
    // still refuses `*.map` with APP_ENV=production).
    sourcemap: process.env.SOURCEMAP === '1',
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    alias: [
      // design-react-kit's package exports only "module"/"main" conditions and
      // extension-less ESM imports: point at its ESM build and let Vite transform it.
      { find: /^design-react-kit$/, replacement: local('./node_modules/design-react-kit/dist/index.js') },
      // See the stub for why bootstrap-italia's JavaScript is kept out of tests.
      { find: /^bootstrap-italia$/, replacement: local('./src/test/bootstrapItaliaStub.ts') },
    ],
    server: { deps: { inline: ['design-react-kit'] } },
  },
});
