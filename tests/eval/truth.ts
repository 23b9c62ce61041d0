/**
 * The truth files of the corpora in tests/corpora (one `expected.jsonl` per set, format in
 * tests/corpora/README.md), parsed strictly: a typo in a label must stop the eval, not score.
 */
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod';

export const ROLES = ['country', 'area', 'prefix', 'line', 'national'] as const;
export type Role = (typeof ROLES)[number];

export const NEVER_KINDS = [
  'payment',
  'captcha',
  'pin',
  'gift-card',
  'coupon',
  'backup-code',
  'id-number',
  'other',
] as const;
export type NeverKind = (typeof NEVER_KINDS)[number];

const part = z.object({ sel: z.string().min(1), role: z.enum(ROLES) });
const phoneTarget = z.union([z.string().min(1), z.array(part).min(2)]);

export const truthLine = z
  .object({
    page: z.string().regex(/^[\w.-]+\.html$/),
    lang: z.string().min(2),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    phone: z
      .object({ accept: z.array(phoneTarget).min(1), optional: z.boolean().optional() })
      .nullable(),
    code: z.object({ accept: z.array(z.array(z.string().min(1)).min(1)).min(1) }).nullable(),
    never: z.record(z.string().min(1), z.enum(NEVER_KINDS)).optional(),
    why: z.string().min(10),
  })
  .strict();
export type TruthLine = z.infer<typeof truthLine>;
export type PhoneTruthTarget = z.infer<typeof phoneTarget>;

/** One expected.jsonl: every line parsed, duplicates refused, errors name the line. */
export function parseTruth(text: string, file = 'expected.jsonl'): TruthLine[] {
  const out: TruthLine[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`);
    }
    const r = truthLine.safeParse(json);
    if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    if (seen.has(r.data.page)) throw new Error(`${file}:${i + 1}: ${r.data.page} labelled twice`);
    seen.add(r.data.page);
    out.push(r.data);
  });
  return out;
}

export interface CorpusSet {
  name: string;
  dir: string;
  pages: TruthLine[];
}

export const CORPORA_DIR = resolve(import.meta.dirname, '../corpora');

/** Every set under tests/corpora: each folder holding an expected.jsonl. */
export async function loadCorpusSets(root = CORPORA_DIR): Promise<CorpusSet[]> {
  const sets: CorpusSet[] = [];
  for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    const dir = resolve(root, entry.name);
    const file = resolve(dir, 'expected.jsonl');
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const pages = parseTruth(text, `${entry.name}/expected.jsonl`);
    const files = new Set((await readdir(resolve(dir, 'pages'))).filter((f) => f.endsWith('.html')));
    for (const p of pages)
      if (!files.has(p.page)) throw new Error(`${entry.name}: ${p.page} is labelled but missing`);
    for (const f of files)
      if (!pages.some((p) => p.page === f)) throw new Error(`${entry.name}: ${f} has no label`);
    sets.push({ name: entry.name, dir, pages });
  }
  return sets;
}
