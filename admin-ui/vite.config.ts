import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In development the API runs separately (`cargo run -p api`, port 8080);
// in production the Rust server serves `dist/` and `/graphql` on one origin.
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
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // design-react-kit's package exports only "module"/"main" conditions and
    // extension-less ESM imports: point at its ESM build and let Vite transform it.
    alias: {
      'design-react-kit': fileURLToPath(new URL('./node_modules/design-react-kit/dist/index.js', import.meta.url)),
    },
    server: { deps: { inline: ['design-react-kit'] } },
  },
});
