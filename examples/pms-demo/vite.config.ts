import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The demo as a vendor builds it: the packages as published (their builds), the API on the same
 * origin. `npm start` at the root serves the build and sends `/api/sms` and `/socket.io` on to
 * the reference server; `API_URL` does the same for `npm run dev -w @switchboard/example-pms-demo`.
 */
const api = process.env.API_URL ?? 'http://127.0.0.1:8787'
const proxy = {
  '/api/sms': { target: api, changeOrigin: false },
  '/socket.io': { target: api, ws: true, changeOrigin: false },
}

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: { chunkSizeWarningLimit: 700 },
})
