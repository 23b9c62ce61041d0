import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusSets, parseTruth } from './truth.ts';

const line = (o: object) => JSON.stringify({ lang: 'en', why: 'a reason long enough', ...o });

describe('parseTruth', () => {
  it('reads single, split, optional and never labels', () => {
    const rows = parseTruth(
      [
        line({ page: 'a.html', phone: { accept: ['#tel'] }, code: null }),
        line({
          page: 'b.html',
          country: 'JP',
          phone: {
            accept: [
              [
                { sel: '#a', role: 'area' },
                { sel: '#b', role: 'line' },
              ],
            ],
          },
          code: { accept: [['#c1', '#c2']] },
          never: { '#cvc': 'payment' },
        }),
        '',
      ].join('\n'),
    );
    expect(rows.map((r) => r.page)).toEqual(['a.html', 'b.html']);
    expect(rows[1]?.never).toEqual({ '#cvc': 'payment' });
  });

  it('names the line of a bad label instead of scoring it', () => {
    const bad = line({
      page: 'a.html',
      phone: { accept: [[{ sel: '#a', role: 'areacode' }]] },
      code: null,
    });
    expect(() =>
      parseTruth(`${line({ page: 'z.html', phone: null, code: null })}\n${bad}`),
    ).toThrow(/expected.jsonl:2/);
    const kind = line({ page: 'a.html', phone: null, code: null, never: { '#x': 'card' } });
    expect(() => parseTruth(kind)).toThrow(/:1:/);
    expect(() => parseTruth(line({ page: 'a.html', phone: null, code: null, extra: 1 }))).toThrow();
  });

  it('refuses a page labelled twice', () => {
    const a = line({ page: 'a.html', phone: null, code: null });
    expect(() => parseTruth(`${a}\n${a}`)).toThrow(/twice/);
  });
});

describe('loadCorpusSets', () => {
  it('finds every set and refuses pages without labels and labels without pages', async () => {
    const root = await mkdtemp(join(tmpdir(), 'corpora-'));
    await mkdir(join(root, 'one/pages'), { recursive: true });
    await writeFile(join(root, 'one/pages/a.html'), '<input>');
    await writeFile(
      join(root, 'one/expected.jsonl'),
      line({ page: 'a.html', phone: null, code: null }),
    );
    const sets = await loadCorpusSets(root);
    expect(sets.map((s) => [s.name, s.pages.length])).toEqual([['one', 1]]);

    await writeFile(join(root, 'one/pages/b.html'), '<input>');
    await expect(loadCorpusSets(root)).rejects.toThrow(/b.html has no label/);
  });

  it('loads the sets in the repo', async () => {
    const sets = await loadCorpusSets();
    expect(sets.length).toBeGreaterThanOrEqual(4);
    expect(sets.reduce((n, s) => n + s.pages.length, 0)).toBeGreaterThanOrEqual(80);
  });
});
