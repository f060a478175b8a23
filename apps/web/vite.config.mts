import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const api = process.env['TETRAD_API_URL'] ?? 'http://localhost:3000';

/**
 * The web app. `npm run build` writes it to dist/web, which the API serves at /.
 * `npm run dev:web` serves it with hot reload on :5173 and proxies the API's paths to a running
 * `npm start` (TETRAD_API_URL). Sign in at the API (localhost:3000) first: cookies are per host,
 * not per port, so the session then works on :5173 too.
 */
// eslint-disable-next-line no-restricted-syntax -- Vite reads the default export.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: their own long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|dayjs)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The API accepts cookie-authenticated writes only from its own origin: present it.
    proxy: {
      '/graphql': { target: api, ws: true, headers: { origin: api } },
      '/auth': { target: api },
      '/health': { target: api },
    },
  },
});
