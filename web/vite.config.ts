import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Resolve the shared contracts from source so the web build needs no prior contracts build.
const contractsSrc = (file: string) => decodeURIComponent(new URL(`../contracts/src/${file}`, import.meta.url).pathname);

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // Values come from the zod-free `domain` entry; the full entry is for types only.
    alias: [
      { find: /^@xj\/contracts\/domain$/, replacement: contractsSrc('domain.ts') },
      { find: /^@xj\/contracts$/, replacement: contractsSrc('index.ts') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // Two pages: the console (index.html) and the residents' phone pages (m.html, served at /m/),
    // which stay free of antd to keep their first load small (scripts/resident-size.mjs).
    rolldownOptions: {
      input: {
        admin: decodeURIComponent(new URL('./index.html', import.meta.url).pathname),
        m: decodeURIComponent(new URL('./m.html', import.meta.url).pathname),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
