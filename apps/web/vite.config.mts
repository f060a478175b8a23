import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig, type Plugin } from 'vite';

const api = process.env['TETRAD_API_URL'] ?? 'http://localhost:3000';

const GENERATED_DOCUMENTS = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));

/**
 * Replaces each `graphql(`…`)` call with an import of that one generated document. The client
 * preset's `graphql()` looks documents up in a table of every operation of the app, which would put
 * all of them in the first chunk; this way a chunk carries only its own operations. The document is
 * the template's first operation (else its first fragment), as codegen names it.
 */
export function graphqlDocumentsPerChunk(): Plugin {
  return {
    name: 'tetrad-graphql-documents-per-chunk',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      const imports = new Set<string>();
      const replaced = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_call, body: string) => {
        const operation = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(body);
        const fragment = /^\s*fragment\s+(\w+)/m.exec(body);
        const name = operation
          ? `${operation[1]}Document`
          : fragment
            ? `${fragment[1]}FragmentDoc`
            : undefined;
        if (!name) throw new Error(`${id}: a graphql() document needs a named operation or fragment`);
        imports.add(`import { ${name} as __document_${name} } from ${JSON.stringify(GENERATED_DOCUMENTS)};`);
        return `__document_${name}`;
      });
      return { code: `${[...imports].join('\n')}\n${replaced}`, map: null };
    },
  };
}

/**
 * The web app. `npm run build` writes it to dist/web, which the API serves at /.
 * `npm run dev:web` serves it with hot reload on :5173 and proxies the API's paths to a running
 * `npm start` (TETRAD_API_URL). Sign in at the API (localhost:3000) first: cookies are per host,
 * not per port, so the session then works on :5173 too.
 */
// eslint-disable-next-line no-restricted-syntax -- Vite reads the default export.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [graphqlDocumentsPerChunk(), react()],
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
