/**
 * otp-markup: does findCodeTarget pick the code field a person would type the SMS code into,
 * and nothing on pages whose only "codes" are CAPTCHAs, PINs or e-mailed codes? The truth is
 * hand-checked (otp-truth.json, one reason per page); the corpus's own candidate list is not.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod';
import type { EvalBrowser } from './browser.ts';
import { checkCodeFill, type FillCheck } from './score.ts';

const truthFile = z.object({
  pages: z.record(
    z.string(),
    z.object({ accept: z.array(z.string()).nullable(), reason: z.string().min(10) }),
  ),
});

export type CodeOutcome = 'hit' | 'wrong' | 'miss' | 'false alarm' | 'right none';

export interface CodePage {
  file: string;
  outcome: CodeOutcome;
  picked: string[] | null;
  reason: string;
  /** On a hit: do the field(s) and the form hold the filled code? */
  fill: FillCheck | null;
}

export interface CodeResult {
  precision: number;
  recall: number;
  n: number;
  pages: CodePage[];
}

/** Indices (in input/select/textarea order) of a selector's matches: how truth names targets. */
function indicesOf(selector: string): number[] {
  const all = Array.from(document.querySelectorAll('input, select, textarea'));
  return Array.from(document.querySelectorAll(selector)).map((el) => all.indexOf(el));
}

function describe(indices: number[]): string[] {
  const all = Array.from(document.querySelectorAll('input, select, textarea'));
  return indices.map((i) => {
    const el = all[i];
    if (!el) return `#${i}`;
    const id = el.id ? `#${el.id}` : '';
    const name = el.getAttribute('name');
    return `${el.localName}${id}${name ? `[name=${name}]` : ''}`;
  });
}

const same = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export async function evalCode(browser: EvalBrowser): Promise<CodeResult> {
  const raw: unknown = JSON.parse(
    await readFile(resolve(import.meta.dirname, 'otp-truth.json'), 'utf8'),
  );
  const truth = truthFile.parse(raw).pages;
  const pages: CodePage[] = [];
  for (const [file, t] of Object.entries(truth)) {
    const page = await browser.open(`otp-markup/${file}`);
    // The source's labels are answers too: strip them before detection, as for forms-ddg.
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('[data-manual-scoring]')))
        el.removeAttribute('data-manual-scoring');
    });
    const probe = await browser.probeCode(page);
    const pick = probe.picked;
    const picked = pick ? await page.evaluate(describe, pick) : null;
    let outcome: CodeOutcome;
    if (t.accept === null) outcome = pick ? 'false alarm' : 'right none';
    else if (!pick) outcome = 'miss';
    else {
      const targets = await Promise.all(t.accept.map((s) => page.evaluate(indicesOf, s)));
      if (targets.some((x) => x.length === 0))
        throw new Error(`${file}: a truth selector matches nothing: ${t.accept.join(' | ')}`);
      outcome = targets.some((x) => same(x, pick)) ? 'hit' : 'wrong';
    }
    const fill =
      outcome === 'hit' && probe.code
        ? probe.error
          ? { ok: false, reason: `fillCode threw: ${probe.error}` }
          : checkCodeFill(probe.code, probe.inputs, probe.formData)
        : null;
    pages.push({ file, outcome, picked, reason: t.reason, fill });
  }
  const count = (o: CodeOutcome): number => pages.filter((p) => p.outcome === o).length;
  const tp = count('hit');
  const fp = count('wrong') + count('false alarm');
  const positives = tp + count('wrong') + count('miss');
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: positives === 0 ? 1 : tp / positives,
    n: pages.length,
    pages,
  };
}
