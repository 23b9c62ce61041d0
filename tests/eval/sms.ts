/**
 * Code extraction over sms-otp.jsonl and sms-webotp-format.jsonl. Sources disagree on dashes
 * and prefixes ("G-412157" vs "412157", "337-337" vs "337337"), so both sides are compared
 * after removing spaces, dashes and a leading letter prefix (corpus README). WebOTP rows:
 * a valid origin-bound line must give its host (and its code when the source asserted one);
 * a malformed line must not be taken as origin-bound.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod';
import { extractCode, parseOriginBoundCode } from '../../lib/sms/extract-code.ts';
import { CORPORA } from './browser.ts';
import { loadNotes } from './notes.ts';

const smsRow = z.object({ text: z.string(), code: z.string().nullable() });
const webOtpRow = smsRow.extend({ origin: z.string().nullable(), webotp_valid: z.boolean() });

export interface SmsMiss {
  corpus: string;
  text: string;
  expected: string;
  got: string;
  note?: string;
}

export interface SmsResult {
  accuracy: number;
  n: number;
  byCorpus: Record<string, { right: number; n: number }>;
  misses: SmsMiss[];
  excluded: SmsMiss[];
}

/** "G-412 157" -> "412157"; compared, never returned. */
export function comparable(code: string | null): string | null {
  if (code === null) return null;
  return code.replace(/[\s-]/g, '').replace(/^(?:[A-Za-z]{1,3}(?=\d))/, '');
}

async function jsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(resolve(CORPORA, file), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => schema.parse(JSON.parse(l)));
}

export async function evalSms(): Promise<SmsResult> {
  const notes = await loadNotes('sms-notes.json');
  const byCorpus: SmsResult['byCorpus'] = {};
  const misses: SmsMiss[] = [];
  const excluded: SmsMiss[] = [];
  const record = (corpus: string, ok: boolean, miss: Omit<SmsMiss, 'corpus'>): void => {
    const note = notes[miss.text];
    const entry = (byCorpus[corpus] ??= { right: 0, n: 0 });
    if (note?.exclude) {
      excluded.push({ corpus, ...miss, got: ok ? miss.expected : miss.got, note: note.reason });
      return;
    }
    entry.n++;
    if (ok) entry.right++;
    else misses.push({ corpus, ...miss, ...(note ? { note: note.reason } : {}) });
  };

  for (const row of await jsonl('sms-otp.jsonl', smsRow)) {
    const got = extractCode(row.text);
    record('sms-otp', comparable(got) === comparable(row.code), {
      text: row.text,
      expected: String(row.code),
      got: String(got),
    });
  }

  for (const row of await jsonl('sms-webotp-format.jsonl', webOtpRow)) {
    const bound = parseOriginBoundCode(row.text);
    if (!row.webotp_valid) {
      record('sms-webotp-format', bound === null, {
        text: row.text,
        expected: 'no origin-bound line',
        got: bound ? `@${bound.host} #${bound.code}` : 'none',
      });
      continue;
    }
    const host = row.origin ? new URL(row.origin).hostname : null;
    const got = extractCode(row.text);
    const codeOk = row.code === null || comparable(got) === comparable(row.code);
    record('sms-webotp-format', bound?.host === host && codeOk, {
      text: row.text,
      expected: `@${host} #${row.code ?? '(any)'}`,
      got: `@${bound?.host ?? '-'} #${got ?? '-'}`,
    });
  }

  const right = Object.values(byCorpus).reduce((a, c) => a + c.right, 0);
  const n = Object.values(byCorpus).reduce((a, c) => a + c.n, 0);
  return { accuracy: n === 0 ? 1 : right / n, n, byCorpus, misses, excluded };
}
