import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Built with `vite build web` (root = this folder); `strata serve` serves web/dist. During development
// `vite web` proxies /api to a running `strata serve` (STRATA_API, default http://127.0.0.1:8080).
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': process.env['STRATA_API'] ?? 'http://127.0.0.1:8080' } },
})
