import {
  CODE_KEYWORDS,
  NOT_CODE_AFTER,
  NOT_CODE_BEFORE,
  NOT_CODE_LABELS,
  NOT_CODE_QUALIFIERS,
} from './keywords.ts';

/**
 * Finds the verification code in an SMS text, or null when there is none.
 *
 * Order of evidence: an origin-bound WebOTP line (`@host #code`) wins; then a message that is
 * nothing but a code; then the candidate closest to a code keyword (any of many languages),
 * after dropping numbers that are amounts, dates, times, phone numbers, cards, orders or links.
 * Prefixes (G-123456) and grouping (123-456, 123 456) are removed from the result.
 */
export function extractCode(text: string): string | null {
  return extractCodeUncapped(capSmsText(text));
}

/**
 * SMS texts are read up to 4 KB (a real SMS, even concatenated, is well under 2 KB): a hostile
 * provider or sender must not make the worker chew on megabytes while every order waits.
 */
export const MAX_SMS_TEXT = 4096;

export function capSmsText(text: string): string {
  if (text.length <= MAX_SMS_TEXT) return text;
  const last = text.charCodeAt(MAX_SMS_TEXT - 1);
  // A lone high surrogate at the cut would be half a character.
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_SMS_TEXT - 1 : MAX_SMS_TEXT;
  return text.slice(0, end);
}

/** The extraction itself, linear in the text's length; callers pass a capped text. */
export function extractCodeUncapped(text: string): string | null {
  // NFKC can lengthen a text (one ligature becomes many letters): cap again after it.
  const normalized = capTo(normalizeDigits(text), text.length);
  return (
    fromWebOtpLine(normalized) ??
    fromWholeMessage(normalized) ??
    fromKeywords(normalized) ??
    fromPrefixedCode(normalized)
  );
}

const capTo = (text: string, length: number) =>
  text.length <= length ? text : text.slice(0, length);

const DIGIT_BLOCKS: readonly number[] = [0x0660, 0x06f0, 0x0966, 0x09e6, 0xff10];

/** NFKC folds full-width forms; Arabic-Indic, Persian, Devanagari and Bengali digits by hand. */
export function normalizeDigits(text: string): string {
  // A full-width comma must not glue a code to the next number ("199035，10分钟").
  return text
    .replace(/\uff0c/g, ', ')
    .normalize('NFKC')
    .replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/g, (ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      const base = DIGIT_BLOCKS.find((b) => cp >= b && cp <= b + 9) ?? cp;
      return String(cp - base);
    });
}

/** An origin-bound WebOTP line: the code may be filled only on `host` (design: security). */
export interface OriginBoundCode {
  /** The top-level page's host: the code is filled only on a page of this host. */
  host: string;
  code: string;
  /** "@top #code @frame": the host of the frame inside `host` that asked for the code. */
  embeddedHost?: string;
}

// Chromium's SMS parser format: "@host #code", optionally " @embedded-host"; no port, no path.
const WEB_OTP =
  /(?:^|\s)@([a-z0-9-]+(?:\.[a-z0-9-]+)*) #([^#\s]+)(?: @([a-z0-9-]+(?:\.[a-z0-9-]+)*))?/gim;

export function parseOriginBoundCode(text: string): OriginBoundCode | null {
  let found: OriginBoundCode | null = null;
  for (const m of normalizeDigits(capSmsText(text)).matchAll(WEB_OTP)) {
    const [, host = '', code = '', embeddedHost] = m;
    found = embeddedHost
      ? { host: host.toLowerCase(), code, embeddedHost: embeddedHost.toLowerCase() }
      : { host: host.toLowerCase(), code };
  }
  return found;
}

function fromWebOtpLine(text: string): string | null {
  return parseOriginBoundCode(text)?.code ?? null;
}

const WHOLE_FORMS: readonly RegExp[] = [
  /^(?:[A-Z]{1,4}-)?(\d{4,10})$/,
  /^(\d{3,4})[- ](\d{3,4})$/,
  /^((?=[A-Z0-9]*\d)[A-Z0-9]{4,10})$/,
];

// A message that is one "label: value" pair, the value a code with a digit ("pattern:a1b2c3").
const LABELLED_VALUE =
  /^([\p{L}][\p{L}\d _-]{0,30}[:：])\s*((?=[A-Za-z0-9]*\d)[A-Za-z0-9]{4,10})$/u;

function fromWholeMessage(text: string): string | null {
  const trimmed = text.trim().replace(/[.!]$/, '');
  for (const form of WHOLE_FORMS) {
    const m = form.exec(trimmed);
    if (m) return m.slice(1).join('');
  }
  const labelled = LABELLED_VALUE.exec(trimmed);
  // "Order: 12345", "Balance: 1234": the label says what the number is, and it is no code.
  if (
    labelled &&
    !NOT_CODE_BEFORE.test(labelled[1] ?? '') &&
    !NOT_CODE_LABELS.test(labelled[1] ?? '')
  )
    return labelled[2] ?? null;
  return null;
}

interface Candidate {
  start: number;
  end: number;
  code: string;
  numeric: boolean;
}

interface Anchor {
  start: number;
  end: number;
}

// Spans where a number is never a code.
const EXCLUDED_SPANS: readonly RegExp[] = [
  // Links; a host starts only where a run of [\w.-] starts, so no run is rescanned per letter.
  /\bhttps?:\/\/\S+|(?<![\w.-])[\w-]+(?:\.[\w-]+)+\/\S*/gi,
  /\+\d[\d\s().-]{7,}\d|\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b|\b1[\s.-]\d{3}[\s.-]\d{3}[\s.-]\d{4}\b/g, // phones
  /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/g, // dates
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, // times
  /(?<!\d)\d+[.,]\d+/g, // amounts with decimals (from a run's start: no rescans)
];

const CANDIDATE_FORMS: readonly { re: RegExp; numeric: boolean }[] = [
  { re: /(?<![A-Za-z0-9-])[A-Z]{1,4}-(\d{4,8})(?![A-Za-z0-9-])/g, numeric: true },
  { re: /(?<![\d-])(\d{3,4})[- ](\d{3,4})(?![\d-]|[.,]\d)/g, numeric: true },
  { re: /(?<![\d-])(\d{2})[- ](\d{2})[- ](\d{2})(?![\d-]|[.,]\d)/g, numeric: true },
  { re: /(?<![A-Za-z0-9]|\d[:./,])(\d{3,10})(?![A-Za-z0-9]|[:/.,]\d)/g, numeric: true },
  {
    re: /(?<![A-Za-z0-9-])((?=[A-Za-z0-9]{0,9}[A-Za-z])[A-Za-z0-9]{4,10})(?![A-Za-z0-9-])/g,
    numeric: false,
  },
];

/** Marks spans in a per-character mask; checking a short candidate is then O(its length). */
function createSpanMask(length: number) {
  const mask = new Uint8Array(length);
  return {
    mark(start: number, end: number) {
      mask.fill(1, start, end);
    },
    overlaps(start: number, end: number): boolean {
      for (let i = start; i < end; i++) if (mask[i]) return true;
      return false;
    },
  };
}

function collectCandidates(text: string): Candidate[] {
  const excluded = createSpanMask(text.length);
  for (const re of EXCLUDED_SPANS) {
    for (const m of text.matchAll(re)) excluded.mark(m.index, m.index + m[0].length);
  }
  const taken = createSpanMask(text.length);
  const out: Candidate[] = [];
  for (const { re, numeric } of CANDIDATE_FORMS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.overlaps(start, end)) continue;
      taken.mark(start, end);
      if (excluded.overlaps(start, end)) continue;
      if (numeric && NOT_CODE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
      if (numeric && NOT_CODE_AFTER.test(text.slice(end, end + 12))) continue;
      const code = m.slice(1).join('');
      if (numeric && (code.length < 3 || code.length > 8)) continue;
      out.push({ start, end, code, numeric });
    }
  }
  return out;
}

// Short Latin keywords must stand alone ("pin" must not hit "shopping").
const WHOLE_WORD = new Set(['pin', 'otp', 'auth', 'kod', 'mã', 'token', '2fa', 'clave']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const KEYWORD_RE = new RegExp(
  CODE_KEYWORDS.map((k) =>
    WHOLE_WORD.has(k) ? `(?<![\\p{L}\\d])${escapeRegExp(k)}(?![\\p{L}])` : escapeRegExp(k),
  ).join('|'),
  'giu',
);

function findAnchors(text: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const m of text.matchAll(KEYWORD_RE)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (NOT_CODE_QUALIFIERS.test(before)) continue;
    anchors.push({ start: m.index, end: m.index + m[0].length });
  }
  return anchors;
}

const MAX_GAP = 60;
// Text allowed between a keyword and a letter-bearing code: "code is: X", "code: X", "码：X".
const TIGHT_AFTER = /^[\p{L}\s]{0,3}?\s*(?:is|es|est|ist|é|是|为|は|:|：|=)?\s*[:："'“«(]?\s*$/iu;
const TIGHT_BEFORE = /^\s+(?:is|est|es|ist)\s+(?:your|the|votre|tu|dein|ihr)\b[\p{L}\s-]{0,24}$/iu;

function gapBetween(text: string, c: Candidate, a: Anchor): { gap: string; after: boolean } {
  return a.end <= c.start
    ? { gap: text.slice(a.end, c.start), after: true }
    : { gap: text.slice(c.end, a.start), after: false };
}

/** Index of the first anchor ending at or after `pos` (anchors are in text order). */
function firstAnchorEndingFrom(anchors: Anchor[], pos: number): number {
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((anchors[mid]?.end ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the text's last word ends, a final "." or "!" aside: a candidate there ends the SMS. */
function lastContentEnd(text: string): number {
  let end = text.trimEnd().length;
  if (/[.!]/.test(text[end - 1] ?? '')) end--;
  return text.slice(0, end).trimEnd().length;
}

function score(text: string, c: Candidate, anchors: Anchor[], contentEnd: number): number | null {
  let best: number | null = null;
  // Only anchors close enough to matter are scored, so scoring stays linear.
  for (let i = firstAnchorEndingFrom(anchors, c.start - MAX_GAP); i < anchors.length; i++) {
    const a = anchors[i];
    if (!a || a.start > c.end + MAX_GAP) break;
    if (c.start < a.end && c.end > a.start) continue;
    const { gap, after } = gapBetween(text, c, a);
    if (gap.length > MAX_GAP) continue;
    const tight = after ? TIGHT_AFTER.test(gap) : TIGHT_BEFORE.test(gap);
    if (!c.numeric) {
      if (!tight) continue;
      // A word without digits is a code only when it looks like one, after a colon.
      const plainWord = !/\d/.test(c.code);
      if (plainWord && !(after && /[:：]\s*$/.test(gap))) continue;
    }
    if (c.numeric && c.code.length === 3 && !tight) continue;
    let s = 100 - gap.length;
    if (/[.!?。！？]\s|\n/.test(gap)) s -= 40; // across a sentence
    if (tight) s += 20;
    if (after) s += 2;
    if (c.numeric) s += 5;
    if (best === null || s > best) best = s;
  }
  if (best !== null && c.end >= contentEnd) best += 10;
  return best;
}

function fromKeywords(text: string): string | null {
  const anchors = findAnchors(text);
  if (anchors.length === 0) return null;
  const contentEnd = lastContentEnd(text);
  let best: { code: string; s: number } | null = null;
  for (const c of collectCandidates(text)) {
    const s = score(text, c, anchors, contentEnd);
    if (s !== null && (best === null || s > best.s)) best = { code: c.code, s };
  }
  return best?.code ?? null;
}

// "G-718356() Google": a letter prefix and a dash make a number a code even without a keyword.
function fromPrefixedCode(text: string): string | null {
  return /(?<![A-Za-z0-9-])[A-Z]{1,3}-(\d{4,8})(?![A-Za-z0-9-])/.exec(text)?.[1] ?? null;
}

/** "G-412 157" -> "G-412157": digit groups joined, so a code can be found however it is spaced. */
function joinDigitGroups(text: string): string {
  return normalizeDigits(text).replace(/(\d)[\s-](?=\d)/g, '$1');
}

// No verification code is this long; a longer "code" from a provider is noise, not a code.
const MAX_CODE = 32;

function plausibleProviderCode(code: string | null | undefined): string {
  const cleaned = normalizeDigits(capTo(code ?? '', MAX_CODE * 4))
    .trim()
    .replace(/[\s-]/g, '');
  return cleaned.length <= MAX_CODE ? cleaned : '';
}

/**
 * The code to fill, from the provider's own parse (when it has one) and the SMS text. An
 * origin-bound line is the site's own statement of the code and wins. Otherwise the provider's
 * code wins when the text carries it as a whole token (the provider may know the service's
 * format); a code the text does not contain (a misparse, an amount from another field) loses
 * to our extraction, and is used only when the text yields nothing.
 */
export function chooseCode(
  providerCode: string | null | undefined,
  text: string | null | undefined,
): string | null {
  const provider = plausibleProviderCode(providerCode);
  text = text && capSmsText(text);
  if (!text?.trim()) return provider || null;
  const bound = parseOriginBoundCode(text);
  if (bound) return bound.code;
  const extracted = extractCode(text);
  if (!provider) return extracted;
  const edge = /^\d+$/.test(provider) ? '\\d' : 'A-Za-z0-9';
  const token = new RegExp(`(?<![${edge}])${escapeRegExp(provider)}(?![${edge}])`, 'i');
  return token.test(joinDigitGroups(text)) ? provider : (extracted ?? provider);
}
