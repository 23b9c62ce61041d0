/**
 * One summary over every corpus (../shared/corpora and each set in tests/corpora): precision and
 * recall per corpus, split phones, fills the page accepted, false fills on negative pages. The
 * printed lines and the `--json` object are built from the same numbers.
 */
import type { CodeResult } from './code.ts';
import type { FalseFill, SetResult } from './corpora.ts';
import type { PhoneResult } from './phone.ts';
import { precisionRecall, type Scored } from './score.ts';

export const TARGETS = {
  phonePrecision: 0.99,
  phoneRecall: 0.97,
  codePrecision: 0.99,
  codeRecall: 0.95,
  split: 0.9,
  fillAccepted: 0.97,
  sms: 0.99,
} as const;

export interface Rate {
  rate: number;
  right: number;
  n: number;
}

export interface CorpusLine {
  corpus: string;
  pages: number;
  phone: { precision: number; recall: number; n: number } | null;
  code: { precision: number; recall: number; n: number } | null;
}

export interface Summary {
  corpora: CorpusLine[];
  phone: { precision: number; recall: number; n: number };
  code: { precision: number; recall: number; n: number };
  split: Rate;
  fillAccepted: Rate & { phone: Rate; code: Rate };
  negatives: { pages: number; falseFills: number; byKind: Record<string, number>; fills: FalseFill[] };
}

const rate = (right: number, n: number): Rate => ({ rate: n === 0 ? 1 : right / n, right, n });

/** forms-ddg pages as scored outcomes (see phone.ts: an unlabelled pick is not judged). */
export function formsDdgOutcomes(r: PhoneResult): Scored[] {
  return r.pages
    .filter((p) => !p.note?.exclude)
    .map((p): Scored => {
      if (p.picked === 'phone') return { outcome: 'hit' };
      if (p.hasPhone) return { outcome: p.picked === null || p.picked === 'unlabelled' ? 'miss' : 'wrong' };
      if (p.picked === null) return { outcome: 'right none' };
      return { outcome: p.picked === 'unlabelled' ? 'skipped' : 'false alarm' };
    });
}

function pr(scored: Scored[]): { precision: number; recall: number; n: number } {
  const { precision, recall } = precisionRecall(scored);
  return { precision, recall, n: scored.length };
}

export function summarize(phone: PhoneResult, code: CodeResult, sets: SetResult[]): Summary {
  const ddgPhone = formsDdgOutcomes(phone);
  const otpCode: Scored[] = code.pages.map((p) => ({ outcome: p.outcome }));
  const corpora: CorpusLine[] = [
    { corpus: 'forms-ddg', pages: ddgPhone.length, phone: pr(ddgPhone), code: null },
    { corpus: 'otp-markup', pages: otpCode.length, phone: null, code: pr(otpCode) },
  ];
  const allPhone = [...ddgPhone];
  const allCode = [...otpCode];
  let split = rate(0, 0);
  const fillPhone = { right: 0, n: 0 };
  const fillCode = { right: 0, n: 0 };
  const fills: FalseFill[] = [];
  let negativePages = 0;

  for (const p of phone.pages.filter((x) => !x.note?.exclude)) {
    if (p.hasPhone) {
      fillPhone.n++;
      if (p.fill?.ok) fillPhone.right++;
    }
    if (p.negative) negativePages++;
    fills.push(...p.falseFills.map((f) => ({ ...f, field: `forms-ddg/${p.file} ${f.field}` })));
  }
  for (const p of code.pages.filter((x) => x.outcome !== 'right none' && x.outcome !== 'false alarm')) {
    fillCode.n++;
    if (p.fill?.ok) fillCode.right++;
  }
  for (const set of sets) {
    const ph = set.pages.map((p) => ({ outcome: p.phone.outcome, optional: p.phone.optional }));
    const co = set.pages.map((p) => ({ outcome: p.code.outcome }));
    corpora.push({ corpus: set.name, pages: set.pages.length, phone: pr(ph), code: pr(co) });
    allPhone.push(...ph);
    allCode.push(...co);
    for (const p of set.pages) {
      if (p.phone.split) split = rate(split.right + (p.phone.rolesRight && p.phoneFill?.ok ? 1 : 0), split.n + 1);
      if (p.phone.outcome !== 'right none' && p.phone.outcome !== 'false alarm' && !p.phone.optional) {
        fillPhone.n++;
        if (p.phoneFill?.ok) fillPhone.right++;
      }
      if (p.code.outcome !== 'right none' && p.code.outcome !== 'false alarm') {
        fillCode.n++;
        if (p.codeFill?.ok) fillCode.right++;
      }
      if (p.negative) negativePages++;
      fills.push(...p.falseFills.map((f) => ({ ...f, field: `${set.name}/${p.page} ${f.field}` })));
    }
  }
  const byKind: Record<string, number> = {};
  for (const f of fills) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const fillAll = rate(fillPhone.right + fillCode.right, fillPhone.n + fillCode.n);
  return {
    corpora,
    phone: pr(allPhone),
    code: pr(allCode),
    split,
    fillAccepted: {
      ...fillAll,
      phone: rate(fillPhone.right, fillPhone.n),
      code: rate(fillCode.right, fillCode.n),
    },
    negatives: { pages: negativePages, falseFills: fills.length, byKind, fills },
  };
}

/** Every target, on every corpus on its own as well as over all of them. */
export function targetsMet(s: Summary, smsAccuracy: number): boolean {
  const phoneOk = (x: CorpusLine['phone']): boolean =>
    !x || (x.precision >= TARGETS.phonePrecision && x.recall >= TARGETS.phoneRecall);
  const codeOk = (x: CorpusLine['code']): boolean =>
    !x || (x.precision >= TARGETS.codePrecision && x.recall >= TARGETS.codeRecall);
  return (
    s.corpora.every((c) => phoneOk(c.phone) && codeOk(c.code)) &&
    phoneOk(s.phone) &&
    codeOk(s.code) &&
    s.split.rate >= TARGETS.split &&
    s.fillAccepted.rate >= TARGETS.fillAccepted &&
    s.negatives.falseFills === 0 &&
    smsAccuracy >= TARGETS.sms
  );
}
