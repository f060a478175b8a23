import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * After `vite build`: a Brotli and a gzip copy of each text asset of the web app, made once at build
 * time, so that the API (@fastify/static `preCompressed`) sends compressed files without spending
 * CPU on every request.
 */
const WEB = join(__dirname, '..', 'web'); // this file runs from dist/scripts/
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let before = 0;
let after = 0;
for (const file of walk(WEB).filter((path) => COMPRESSIBLE.test(path))) {
  const content = readFileSync(file);
  if (content.length < 1024) continue;
  const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  before += content.length;
  after += brotli.length;
}
process.stdout.write(
  `Web app compressed: ${Math.round(before / 1024)} KiB → ${Math.round(after / 1024)} KiB with Brotli\n`,
);
