import { PUBLIC_SUFFIXES } from './public-suffix-data.ts';

/*
 * Registrable domains by the Public Suffix List, ICANN and private rules alike (x.github.io and
 * y.github.io are two sites). The rules come from tldts, packed smaller for the background
 * (tests/support/public-suffixes.ts says how and why); the answers are tldts' getDomain with
 * allowPrivateDomains, checked rule by rule in public-suffix.test.ts.
 */

interface SuffixNode {
  /** A rule ends here (not only a step towards longer ones). */
  rule: boolean;
  /** Where this node's children are written in PUBLIC_SUFFIXES: [from, to). */
  from: number;
  to: number;
  kids?: Map<string, SuffixNode>;
}

const OPEN = 40; // (
const COMMA = 44;
const STEP = 126; // ~ : not a rule, only a step towards longer ones

/** The `)` that closes the group opened just before `from` (jumping from bracket to bracket). */
function closing(text: string, from: number): number {
  for (let depth = 1, i = from; ;) {
    const close = text.indexOf(')', i);
    const open = text.indexOf('(', i);
    if (close === -1) throw new Error('public-suffix-data.ts: a group is not closed');
    if (open !== -1 && open < close) {
      depth++;
      i = open + 1;
    } else if (--depth === 0) {
      return close;
    } else {
      i = close + 1;
    }
  }
}

const root: SuffixNode = { rule: false, from: 0, to: PUBLIC_SUFFIXES.length };

/**
 * A node's children, read from the packed text the first time the node is visited: a lookup
 * unpacks only the branches it walks (the TLDs, then e.g. `com`'s), not the whole list.
 */
function kidsOf(node: SuffixNode): Map<string, SuffixNode> {
  if (node.kids) return node.kids;
  const text = PUBLIC_SUFFIXES;
  const kids = new Map<string, SuffixNode>();
  for (let i = node.from; i < node.to;) {
    let end = i;
    for (let c = text.charCodeAt(end); c !== OPEN && c !== COMMA && c !== STEP && end < node.to;)
      c = text.charCodeAt(++end);
    const label = text.slice(i, end);
    const rule = text.charCodeAt(end) !== STEP;
    if (!rule) end++;
    let from = end;
    let to = end;
    if (text.charCodeAt(end) === OPEN) {
      from = end + 1;
      to = closing(text, from);
      end = to + 1;
    }
    kids.set(label, { rule, from, to });
    i = end + 1;
  }
  node.kids = kids;
  return kids;
}

/**
 * How many labels on the right of `labels` are the public suffix: the longest rule that
 * matches, an exception rule (`!www.ck`) dropping its own left label, and a TLD nobody lists
 * counting as one (the list's implicit `*`). Like tldts, an exact label is followed before `*`.
 */
function suffixLabels(labels: string[]): number {
  let node = root;
  let matched = 0;
  for (let depth = 0; depth < labels.length && node.to > node.from; depth++) {
    const label = labels[labels.length - 1 - depth] as string;
    const kids = kidsOf(node);
    if (kids.has(`!${label}`)) return depth;
    const next = kids.get(label) ?? (label ? kids.get('*') : undefined);
    if (!next) break;
    if (next.rule) matched = depth + 1;
    node = next;
  }
  return Math.max(matched, 1);
}

/** Longer input is no hostname (255 characters, a few trailing dots, room for Unicode). */
const MAX_INPUT = 512;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** Labels of letters, digits, `_` and inner `-`, as tldts validates them. */
const HOST =
  /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * The registrable domain of a hostname (`canary.discord.com` -> `discord.com`,
 * `x.github.io` -> `x.github.io`); null for an IP address, a public suffix itself or a name
 * that is not a hostname. Unicode names are looked up by their punycode, as URLs carry them.
 */
export function domainOf(hostname: string): string | null {
  // No hostname is longer, dots included: a page could send its tab to "a.....x" with 80,000
  // dots, and nothing below should spend time on it.
  if (hostname.length > MAX_INPUT) return null;
  let end = hostname.length;
  while (end > 0 && hostname.charCodeAt(end - 1) === 46) end--; // trailing dots
  let host = hostname.slice(hostname.startsWith('.') ? 1 : 0, end).toLowerCase();
  if (/[^\x20-\x7e]/.test(host)) {
    try {
      host = new URL(`http://${host}`).hostname;
    } catch {
      return null;
    }
  }
  if (host.length > 255 || IPV4.test(host) || !HOST.test(host)) return null;
  const labels = host.split('.');
  const suffix = suffixLabels(labels);
  return labels.length > suffix ? labels.slice(-suffix - 1).join('.') : null;
}
