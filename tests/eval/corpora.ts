/**
 * The sets in tests/corpora, measured in real Chromium: per page, does findPhoneTarget pick the
 * labelled phone field (or split group), does fillPhone leave the ordered number where the form
 * would submit it, the same for findCodeTarget / fillCode, and does any fill land in a field
 * labelled never-fill. Truth selectors are resolved first, then the source's labels are
 * stripped, then the detector runs on a freshly loaded page for each probe.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { EvalBrowser } from './browser.ts';
import type { CodeProbe, PhoneProbe } from './page-entry.ts';
import {
  checkCodeFill,
  checkPhoneFill,
  codeOutcome,
  falseFills,
  orderedNumber,
  phoneOutcome,
  splitRolesRight,
  type FillCheck,
  type Outcome,
  type PhoneTargetIx,
  type PickedPhone,
  type ResolvedTruth,
} from './score.ts';
import { loadCorpusSets, type NeverKind, type TruthLine } from './truth.ts';

export interface FalseFill {
  kind: NeverKind;
  by: 'phone' | 'code';
  field: string;
}

export interface PageResult {
  page: string;
  lang: string;
  phone: { outcome: Outcome; optional: boolean; split: boolean; rolesRight: boolean };
  phoneFill: FillCheck | null;
  code: { outcome: Outcome };
  codeFill: FillCheck | null;
  negative: boolean;
  falseFills: FalseFill[];
  picked: { phone: string | null; code: string | null };
  why: string;
}

export interface SetResult {
  name: string;
  pages: PageResult[];
}

const stripLabels = (p: Page): Promise<void> =>
  p.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('[data-manual-scoring]')))
      el.removeAttribute('data-manual-scoring');
  });

/** Names a control for a report: tag, id, name. */
const describe = (p: Page, indices: number[]): Promise<string> =>
  p.evaluate((ix) => {
    const all = Array.from(document.querySelectorAll('input, select, textarea'));
    return ix
      .map((i) => {
        const el = all[i];
        if (!el) return `#${i}`;
        const name = el.getAttribute('name');
        return `${el.localName}${el.id ? `#${el.id}` : ''}${name ? `[name=${name}]` : ''}`;
      })
      .join(' ');
  }, indices);

async function resolveTruth(b: EvalBrowser, p: Page, t: TruthLine): Promise<ResolvedTruth> {
  const one = async (sel: string): Promise<number> => {
    const [m] = await b.resolve(p, [sel]);
    if (m?.length !== 1 || m[0] === undefined || m[0] < 0)
      throw new Error(`${t.page}: "${sel}" matches ${m?.length ?? 0} controls, not one`);
    return m[0];
  };
  const never = new Map<number, NeverKind>();
  for (const [sel, kind] of Object.entries(t.never ?? {})) {
    const [m] = await b.resolve(p, [sel]);
    if (!m?.length) throw new Error(`${t.page}: never-fill "${sel}" matches nothing`);
    for (const i of m) never.set(i, kind);
  }
  let phone: ResolvedTruth['phone'] = null;
  if (t.phone) {
    const accept: PhoneTargetIx[] = [];
    for (const a of t.phone.accept)
      accept.push(
        typeof a === 'string'
          ? { kind: 'single', index: await one(a) }
          : {
              kind: 'split',
              parts: await Promise.all(a.map(async (x) => ({ index: await one(x.sel), role: x.role }))),
            },
      );
    phone = { accept, optional: t.phone.optional ?? false };
  }
  let code: ResolvedTruth['code'] = null;
  if (t.code) code = { accept: await Promise.all(t.code.accept.map((a) => Promise.all(a.map(one)))) };
  return { phone, code, never };
}

/** The page's phone probe scored: outcome, fill check (on a hit), never-fill hits. */
export function scorePhoneProbe(
  truth: ResolvedTruth,
  probe: PhoneProbe,
  e164: string,
  country: string,
) {
  const picked: PickedPhone | null = probe.picked;
  const outcome = phoneOutcome(truth.phone, picked);
  const split = truth.phone?.accept.some((a) => a.kind === 'split') ?? false;
  const rolesRight = truth.phone?.accept.some((a) => splitRolesRight(a, picked)) ?? false;
  const fill =
    outcome === 'hit'
      ? probe.error
        ? { ok: false, reason: `fillPhone threw: ${probe.error}` }
        : checkPhoneFill({ e164, country, parts: probe.inputs, dial: probe.dial, formData: probe.formData })
      : null;
  return { outcome, split, rolesRight, fill, wrongFills: falseFills(truth.never, probe.before, probe.after) };
}

export function scoreCodeProbe(truth: ResolvedTruth, probe: CodeProbe) {
  const outcome = codeOutcome(truth.code, probe.picked);
  const fill =
    outcome === 'hit' && probe.code
      ? probe.error
        ? { ok: false, reason: `fillCode threw: ${probe.error}` }
        : checkCodeFill(probe.code, probe.inputs, probe.formData)
      : null;
  return { outcome, fill, wrongFills: falseFills(truth.never, probe.before, probe.after) };
}

async function evalPage(b: EvalBrowser, dir: string, t: TruthLine): Promise<PageResult> {
  const file = resolve(dir, 'pages', t.page);
  const country = t.country ?? 'US';
  const e164 = orderedNumber(country);
  let page = await b.open(file);
  const truth = await resolveTruth(b, page, t);
  await stripLabels(page);
  const ph = await b.probePhone(page, e164);
  const phone = scorePhoneProbe(truth, ph, e164, country);
  const pickedPhone = ph.picked
    ? await describe(page, ph.picked.parts?.map((x) => x.index) ?? [ph.picked.input])
    : null;

  page = await b.open(file);
  await stripLabels(page);
  const co = await b.probeCode(page);
  const code = scoreCodeProbe(truth, co);
  const pickedCode = co.picked ? await describe(page, co.picked) : null;

  const name = async (i: number): Promise<string> => describe(page, [i]);
  const wrong: FalseFill[] = [];
  for (const w of phone.wrongFills) wrong.push({ kind: w.kind, by: 'phone', field: await name(w.index) });
  for (const w of code.wrongFills) wrong.push({ kind: w.kind, by: 'code', field: await name(w.index) });
  return {
    page: t.page,
    lang: t.lang,
    phone: {
      outcome: phone.outcome,
      optional: truth.phone?.optional ?? false,
      split: phone.split,
      rolesRight: phone.rolesRight,
    },
    phoneFill: phone.fill,
    code: { outcome: code.outcome },
    codeFill: code.fill,
    negative: truth.never.size > 0,
    falseFills: wrong,
    picked: { phone: pickedPhone, code: pickedCode },
    why: t.why,
  };
}

export async function evalCorpusSets(b: EvalBrowser): Promise<SetResult[]> {
  const out: SetResult[] = [];
  for (const set of await loadCorpusSets()) {
    const pages: PageResult[] = [];
    for (const t of set.pages) pages.push(await evalPage(b, set.dir, t));
    out.push({ name: set.name, pages });
  }
  return out;
}
