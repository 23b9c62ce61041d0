/**
 * forms-ddg: does findPhoneTarget pick the field DDG labelled `phone`? Labels are read and
 * then removed from the page before the detector is injected. Scored per page (the detector
 * returns one field): a pick labelled `phone` is a true positive, a pick carrying another
 * label a false positive, an unlabelled pick is not scored (the source never judged it).
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CORPORA, type EvalBrowser } from './browser.ts';
import { loadNotes, type PageNote } from './notes.ts';

export interface PhonePage {
  file: string;
  hasPhone: boolean;
  /** The label of the picked field: 'phone', another label, 'unlabelled' or null (no pick). */
  picked: string | null;
  dialCode: string | null;
  note?: PageNote;
}

export interface PhoneResult {
  precision: number;
  recall: number;
  n: number;
  pages: PhonePage[];
}

/** Reads each control's label, then strips every label so the detector cannot read it. */
function readAndStripLabels(): (string | null)[] {
  const labels = Array.from(document.querySelectorAll('input, select, textarea')).map((el) =>
    el.getAttribute('data-manual-scoring'),
  );
  for (const el of Array.from(document.querySelectorAll('[data-manual-scoring]')))
    el.removeAttribute('data-manual-scoring');
  return labels;
}

export async function evalPhone(browser: EvalBrowser): Promise<PhoneResult> {
  const dir = resolve(CORPORA, 'forms-ddg');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  const notes = await loadNotes('phone-notes.json');
  const pages: PhonePage[] = [];
  for (const file of files) {
    const page = await browser.open(`forms-ddg/${file}`);
    const labels = await page.evaluate(readAndStripLabels);
    for (const [i, label] of Object.entries(notes[file]?.relabel ?? {})) labels[Number(i)] = label;
    const left = await page.evaluate(
      () => document.querySelectorAll('[data-manual-scoring]').length,
    );
    if (left !== 0) throw new Error(`${file}: labels still present after stripping`);
    const pick = await browser.detectPhone(page);
    const label = (i: number | null): string | null =>
      i === null ? null : i < 0 ? 'unlabelled' : (labels[i] ?? 'unlabelled');
    pages.push({
      file,
      hasPhone: labels.includes('phone'),
      picked: pick ? label(pick.input) : null,
      dialCode: pick ? label(pick.dialCode) : null,
      ...(notes[file] ? { note: notes[file] } : {}),
    });
  }
  const scored = pages.filter((p) => !p.note?.exclude);
  const tp = scored.filter((p) => p.picked === 'phone').length;
  const fp = scored.filter(
    (p) => p.picked !== null && p.picked !== 'phone' && p.picked !== 'unlabelled',
  ).length;
  const positives = scored.filter((p) => p.hasPhone).length;
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: positives === 0 ? 1 : tp / positives,
    n: scored.length,
    pages,
  };
}
