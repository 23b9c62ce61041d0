/**
 * `npx tsx tests/corpora/import-page.ts <from-dir> <to-dir> <file>...`: copies saved pages into
 * a corpus set the way every SOURCE.md here describes: scripts, inline event handlers and
 * Chrome's debug annotations (`autofill-information`, Chrome's own guesses, not site markup)
 * removed; everything else, including the source's `data-manual-scoring` labels (the eval
 * strips them before detection), byte for byte.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function stripPage(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/>/gi, '')
    .replace(/\s(?:on[a-z]+|autofill-information|autofill-prediction)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
}

function main(): void {
  const [from, to, ...files] = process.argv.slice(2);
  if (!from || !to || files.length === 0) {
    console.error('usage: import-page.ts <from-dir> <to-dir> <file>...');
    process.exitCode = 2;
    return;
  }
  mkdirSync(to, { recursive: true });
  for (const f of files) writeFileSync(join(to, f), stripPage(readFileSync(join(from, f), 'utf8')));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
