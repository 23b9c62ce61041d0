import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Scripts an HTML entry loads: its module script and every chunk it preloads. */
function htmlScripts(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const refs = [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return [...new Set(refs.filter(Boolean))];
}

/** Gzipped bytes of what each part of the production build loads. */
export function bundleSizes(dir = '.output/chrome-mv3') {
  const popup = htmlScripts(dir, 'popup.html').reduce((sum, f) => sum + gz(join(dir, f)), 0);
  return {
    popupJsGzipBytes: popup,
    backgroundJsGzipBytes: gz(join(dir, 'background.js')),
    contentJsGzipBytes: gz(join(dir, 'content-scripts/content.js')),
  };
}
