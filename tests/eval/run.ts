/**
 * `npm run eval [-- --json] [-- --verbose]`: detection and filling measured in real Chromium
 * over ../shared/corpora (forms-ddg phone fields, otp-markup code fields) and every set in
 * tests/corpora, and code extraction over the SMS corpora. Prints one line per corpus, then
 * split-phone, fill-accepted and negatives lines, and every note applied to the truth;
 * `--verbose` lists each miss; `--json` prints only the summary object. Exits 1 below target.
 */
import { launchEvalBrowser } from './browser.ts';
import { evalCode, type CodeResult } from './code.ts';
import { evalCorpusSets, type SetResult } from './corpora.ts';
import { evalPhone, type PhoneResult } from './phone.ts';
import { evalSms, type SmsResult } from './sms.ts';
import { summarize, targetsMet, type Summary } from './summary.ts';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const round = (x: number): number => Math.round(x * 10000) / 10000;

function printPhone(r: PhoneResult, verbose: boolean): void {
  const positives = r.pages.filter((p) => p.hasPhone && !p.note?.exclude).length;
  console.log(
    `phone  forms-ddg    precision ${pct(r.precision)}  recall ${pct(r.recall)}  ` +
      `(${r.n} pages scored, ${positives} with a labelled phone field)`,
  );
  for (const p of r.pages.filter((x) => x.note)) {
    const what = p.note?.exclude ? 'excluded' : `relabelled ${p.relabelled?.join(', ') ?? ''}`;
    console.log(`  note (${what}) ${p.file}: ${p.note?.reason}`);
  }
  if (!verbose) return;
  for (const p of r.pages) {
    if (p.note?.exclude) continue;
    if (p.hasPhone && p.picked !== 'phone')
      console.log(`  MISS ${p.file}: picked ${p.picked ?? 'nothing'}`);
    else if (p.picked !== null && p.picked !== 'phone' && p.picked !== 'unlabelled')
      console.log(`  FALSE POSITIVE ${p.file}: picked a field labelled ${p.picked}`);
    else if (p.picked === 'unlabelled')
      console.log(`  (unscored) ${p.file}: picked an unlabelled field`);
    if (p.fill && !p.fill.ok) console.log(`  FILL ${p.file}: ${p.fill.reason}`);
  }
}

function printCode(r: CodeResult, verbose: boolean): void {
  console.log(
    `code   otp-markup   precision ${pct(r.precision)}  recall ${pct(r.recall)}  ` +
      `(${r.n} pages, truth: tests/eval/otp-truth.json)`,
  );
  if (!verbose) return;
  for (const p of r.pages) {
    if (p.fill && !p.fill.ok) console.log(`  FILL ${p.file}: ${p.fill.reason}`);
    if (p.outcome === 'hit' || p.outcome === 'right none') continue;
    console.log(
      `  ${p.outcome.toUpperCase()} ${p.file}: picked ${p.picked?.join(' ') ?? 'nothing'}`,
    );
    console.log(`    truth: ${p.reason}`);
  }
}

function printSms(r: SmsResult, verbose: boolean): void {
  const parts = Object.entries(r.byCorpus).map(([k, v]) => `${k} ${v.right}/${v.n}`);
  console.log(`sms    extraction   accuracy ${pct(r.accuracy)}  (${parts.join(', ')})`);
  for (const m of r.excluded) console.log(`  note (excluded) ${JSON.stringify(m.text)}: ${m.note}`);
  for (const m of r.misses.filter((x) => x.note && !verbose))
    console.log(`  note (scored as a miss) ${JSON.stringify(m.text)}: ${m.note}`);
  if (!verbose) return;
  for (const m of r.misses) {
    console.log(
      `  MISS [${m.corpus}] ${JSON.stringify(m.text)}: expected ${m.expected}, got ${m.got}`,
    );
    if (m.note) console.log(`    note: ${m.note}`);
  }
}

const pr = (x: { precision: number; recall: number } | null): string =>
  x ? `precision ${pct(x.precision)}  recall ${pct(x.recall)}` : '';

function printSets(sets: SetResult[], verbose: boolean): void {
  for (const set of sets) {
    for (const [page, note] of Object.entries(set.notes))
      console.log(
        `  note (${note.exclude ? 'excluded' : 'relabelled'}) ${set.name}/${page}: ${note.reason}`,
      );
    if (!verbose) continue;
    for (const p of set.pages) {
      for (const k of ['phone', 'code'] as const) {
        const o = p[k].outcome;
        if (o === 'hit' || o === 'right none' || o === 'skipped') continue;
        console.log(
          `  ${k.toUpperCase()} ${o.toUpperCase()} ${set.name}/${p.page}: picked ${p.picked[k] ?? 'nothing'}`,
        );
        console.log(`    truth: ${p.why}`);
      }
      if (p.phone.split && p.phone.outcome === 'hit' && !p.phone.rolesRight)
        console.log(`  SPLIT ROLES ${set.name}/${p.page}: group found, roles differ`);
      for (const [k, f] of [
        ['phone', p.phoneFill],
        ['code', p.codeFill],
      ] as const)
        if (f && !f.ok) console.log(`  ${k.toUpperCase()} FILL ${set.name}/${p.page}: ${f.reason}`);
    }
  }
}

function printSummary(s: Summary): void {
  for (const c of s.corpora) {
    const parts = [c.phone ? `phone ${pr(c.phone)}` : '', c.code ? `code ${pr(c.code)}` : '']
      .filter(Boolean)
      .join('  ');
    console.log(`${c.corpus.padEnd(18)} ${parts}  (${c.pages} pages)`);
  }
  console.log(`all corpora        phone ${pr(s.phone)}  code ${pr(s.code)}`);
  console.log(
    `split-phone ${pct(s.split.rate)} (${s.split.right}/${s.split.n} groups found with their roles and filled right)`,
  );
  const f = s.fillAccepted;
  console.log(
    `fill-accepted ${pct(f.rate)} (${f.right}/${f.n}: phone ${f.phone.right}/${f.phone.n}, code ${f.code.right}/${f.code.n}; a target not found counts as not accepted)`,
  );
  const kinds = Object.entries(s.negatives.byKind).map(([k, n]) => `${k} ${n}`);
  console.log(
    `negatives: ${s.negatives.pages} pages, ${s.negatives.falseFills} false fills${kinds.length ? ` (${kinds.join(', ')})` : ''}`,
  );
  for (const x of s.negatives.fills) console.log(`  FALSE FILL (${x.kind}, by ${x.by}) ${x.field}`);
}

const r4 = <T extends { precision: number; recall: number; n: number }>(x: T) => ({
  precision: round(x.precision),
  recall: round(x.recall),
  n: x.n,
});

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const json = args.has('--json');
  const verbose = args.has('--verbose');
  const browser = await launchEvalBrowser();
  let phone: PhoneResult;
  let code: CodeResult;
  let sets: SetResult[];
  try {
    phone = await evalPhone(browser);
    code = await evalCode(browser);
    sets = await evalCorpusSets(browser);
  } finally {
    await browser.close();
  }
  const sms = await evalSms();
  const s = summarize(phone, code, sets);
  const byCorpus = (k: 'phone' | 'code') =>
    Object.fromEntries(s.corpora.flatMap((c) => (c[k] ? [[c.corpus, r4(c[k])]] : [])));

  if (json) {
    const rateOf = (x: { rate: number; right: number; n: number }) => ({
      ...x,
      rate: round(x.rate),
    });
    const summary = {
      phone: { ...r4(s.phone), byCorpus: byCorpus('phone') },
      split: rateOf(s.split),
      code: { ...r4(s.code), byCorpus: byCorpus('code') },
      fillAccepted: {
        ...rateOf(s.fillAccepted),
        phone: rateOf(s.fillAccepted.phone),
        code: rateOf(s.fillAccepted.code),
      },
      negatives: {
        pages: s.negatives.pages,
        falseFills: s.negatives.falseFills,
        byKind: s.negatives.byKind,
      },
      sms: { accuracy: round(sms.accuracy), n: sms.n },
    };
    console.log(JSON.stringify(summary));
  } else {
    printPhone(phone, verbose);
    printCode(code, verbose);
    printSets(sets, verbose);
    printSummary(s);
    printSms(sms, verbose);
  }
  const met = targetsMet(s, sms.accuracy);
  if (!json) console.log(met ? 'All targets met.' : 'Below target.');
  process.exitCode = met ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
