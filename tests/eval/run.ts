/**
 * `npm run eval [-- --json] [-- --verbose]`: detection measured in real Chromium over
 * ../shared/corpora (forms-ddg phone fields, otp-markup code fields) and code extraction over
 * the SMS corpora. Prints precision/recall per corpus and every note applied to the truth;
 * `--verbose` lists each miss; `--json` prints only the summary object. Exits 1 below target.
 */
import { launchEvalBrowser } from './browser.ts';
import { evalCode, type CodeResult } from './code.ts';
import { evalPhone, type PhoneResult } from './phone.ts';
import { evalSms, type SmsResult } from './sms.ts';

const TARGETS = { phonePrecision: 0.99, phoneRecall: 0.97, code: 0.97, sms: 0.99 } as const;

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const round = (x: number): number => Math.round(x * 10000) / 10000;

function printPhone(r: PhoneResult, verbose: boolean): void {
  const positives = r.pages.filter((p) => p.hasPhone && !p.note?.exclude).length;
  console.log(
    `phone  forms-ddg    precision ${pct(r.precision)}  recall ${pct(r.recall)}  ` +
      `(${r.n} pages scored, ${positives} with a labelled phone field)`,
  );
  for (const p of r.pages.filter((x) => x.note)) {
    const what = p.note?.exclude ? 'excluded' : 'relabelled';
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
  }
}

function printCode(r: CodeResult, verbose: boolean): void {
  console.log(
    `code   otp-markup   precision ${pct(r.precision)}  recall ${pct(r.recall)}  ` +
      `(${r.n} pages, truth: tests/eval/otp-truth.json)`,
  );
  if (!verbose) return;
  for (const p of r.pages) {
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

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const json = args.has('--json');
  const verbose = args.has('--verbose');
  const browser = await launchEvalBrowser();
  let phone: PhoneResult;
  let code: CodeResult;
  try {
    phone = await evalPhone(browser);
    code = await evalCode(browser);
  } finally {
    await browser.close();
  }
  const sms = await evalSms();

  if (json) {
    const summary = {
      phone: { precision: round(phone.precision), recall: round(phone.recall), n: phone.n },
      code: { precision: round(code.precision), recall: round(code.recall), n: code.n },
      sms: { accuracy: round(sms.accuracy), n: sms.n },
    };
    console.log(JSON.stringify(summary));
  } else {
    printPhone(phone, verbose);
    printCode(code, verbose);
    printSms(sms, verbose);
  }
  const met =
    phone.precision >= TARGETS.phonePrecision &&
    phone.recall >= TARGETS.phoneRecall &&
    code.precision >= TARGETS.code &&
    code.recall >= TARGETS.code &&
    sms.accuracy >= TARGETS.sms;
  if (!json) console.log(met ? 'All targets met.' : 'Below target.');
  process.exitCode = met ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
