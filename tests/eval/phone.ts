/**
 * forms-ddg: does findPhoneTarget pick the field DDG labelled `phone`? Labels are read and
 * then removed from the page before the detector is injected. Scored per page (the detector
 * returns one field): a pick labelled `phone` is a true positive, a pick carrying another
 * label a false positive, an unlabelled pick is not scored (the source never judged it).
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CORPORA, type EvalBrowser } from './browser.ts';
import type { FalseFill } from './corpora.ts';
import { loadNotes, type PageNote } from './notes.ts';
import { checkPhoneFill, falseFills, orderedNumber, type FillCheck } from './score.ts';
import type { NeverKind } from './truth.ts';

/** The source's payment labels: fields no phone number or code may ever land in. */
const NEVER_LABELS: Record<string, NeverKind> = {
  cardNumber: 'payment',
  cardSecurityCode: 'payment',
  expiration: 'payment',
  expirationMonth: 'payment',
  expirationYear: 'payment',
};

/** Forms-ddg pages are filled with a US number (the source's sites are mostly US), unless a
 * note names the only countries a page takes. */
const COUNTRY = 'US';

export interface PhonePage {
  file: string;
  hasPhone: boolean;
  /** The label of the picked field: 'phone', another label, 'unlabelled' or null (no pick). */
  picked: string | null;
  dialCode: string | null;
  note?: PageNote;
  /** The relabels applied, each with the control its index named: "#4 (name x) -> phone". */
  relabelled?: string[];
  /** On a right pick: does the page hold the ordered number where its form submits it? */
  fill: FillCheck | null;
  /** Pages with payment fields: did any phone or code fill land in one? */
  negative: boolean;
  falseFills: FalseFill[];
}

export interface PhoneResult {
  precision: number;
  recall: number;
  n: number;
  pages: PhonePage[];
}

/** The name, id or aria-label of the page's i-th input/select/textarea. */
function controlName(i: number): string {
  const el = document.querySelectorAll('input, select, textarea')[i];
  if (!el) return 'no such control';
  const named = (['name', 'id', 'aria-label'] as const).find((a) => el.getAttribute(a));
  return named ? `${named} ${el.getAttribute(named) ?? ''}` : el.localName;
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
    const relabelled: string[] = [];
    for (const [i, label] of Object.entries(notes[file]?.relabel ?? {})) {
      labels[Number(i)] = label;
      // Which control the index names, printed with the note: a wrong index shows at once.
      const name = await page.evaluate(controlName, Number(i));
      relabelled.push(`#${i} (${name}) -> ${label}`);
    }
    const left = await page.evaluate(
      () => document.querySelectorAll('[data-manual-scoring]').length,
    );
    if (left !== 0) throw new Error(`${file}: labels still present after stripping`);
    const never = new Map<number, NeverKind>();
    labels.forEach((l, i) => {
      const kind = l ? NEVER_LABELS[l] : undefined;
      if (kind) never.set(i, kind);
    });
    const country = notes[file]?.country ?? COUNTRY;
    const e164 = orderedNumber(country);
    const probe = await browser.probePhone(page, e164);
    const pick = probe.picked;
    const label = (i: number | null): string | null =>
      i === null ? null : i < 0 ? 'unlabelled' : (labels[i] ?? 'unlabelled');
    const picked = pick ? label(pick.input) : null;
    const wrong: FalseFill[] = falseFills(never, probe.before, probe.after).map((w) => ({
      kind: w.kind,
      by: 'phone',
      field: `#${w.index}`,
    }));
    if (never.size > 0) {
      // A code fill on a checkout page must not land in the card fields either.
      const again = await browser.open(`forms-ddg/${file}`);
      await again.evaluate(readAndStripLabels);
      const code = await browser.probeCode(again);
      for (const w of falseFills(never, code.before, code.after))
        wrong.push({ kind: w.kind, by: 'code', field: `#${w.index}` });
    }
    pages.push({
      file,
      hasPhone: labels.includes('phone'),
      picked,
      dialCode: pick ? label(pick.dialCode) : null,
      ...(notes[file] ? { note: notes[file], relabelled } : {}),
      fill:
        picked === 'phone'
          ? probe.error
            ? { ok: false, reason: `fillPhone threw: ${probe.error}` }
            : checkPhoneFill({
                e164,
                country,
                parts: probe.inputs,
                dial: probe.dial,
                formData: probe.formData,
              })
          : null,
      negative: never.size > 0,
      falseFills: wrong,
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
