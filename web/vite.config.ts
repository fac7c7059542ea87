import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Resolve the shared contracts from source so the web build needs no prior contracts build.
const contractsEntry = decodeURIComponent(new URL('../contracts/src/index.ts', import.meta.url).pathname);

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: { '@xj/contracts': contractsEntry },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
