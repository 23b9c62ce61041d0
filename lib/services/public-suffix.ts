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
  kids: Map<string, SuffixNode> | null;
}

let tree: SuffixNode | null = null;

/** Unpacks the rules once, on the first lookup (a few milliseconds). */
function suffixTree(): SuffixNode {
  if (tree) return tree;
  const root: SuffixNode = { rule: false, kids: new Map() };
  const parents: SuffixNode[] = [root];
  let last = root;
  const text = PUBLIC_SUFFIXES;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '(') {
      last.kids = new Map();
      parents.push(last);
      i++;
    } else if (c === ')') {
      parents.pop();
      i++;
    } else if (c === ',') {
      i++;
    } else {
      let end = i;
      while (end < text.length && !'(),~'.includes(text[end] as string)) end++;
      last = { rule: text[end] !== '~', kids: null };
      parents.at(-1)?.kids?.set(text.slice(i, end), last);
      i = text[end] === '~' ? end + 1 : end;
    }
  }
  tree = root;
  return root;
}

/**
 * How many labels on the right of `labels` are the public suffix: the longest rule that
 * matches, an exception rule (`!www.ck`) dropping its own left label, and a TLD nobody lists
 * counting as one (the list's implicit `*`). Like tldts, an exact label is followed before `*`.
 */
function suffixLabels(labels: string[]): number {
  let node = suffixTree();
  let matched = 0;
  for (let depth = 0; depth < labels.length; depth++) {
    const label = labels[labels.length - 1 - depth] as string;
    if (!node.kids) break;
    if (node.kids.has(`!${label}`)) return depth;
    const next = node.kids.get(label) ?? (label ? node.kids.get('*') : undefined);
    if (!next) break;
    if (next.rule) matched = depth + 1;
    node = next;
  }
  return Math.max(matched, 1);
}

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
  let host = hostname.toLowerCase().replace(/^\./, '').replace(/\.+$/, '');
  if (/[^\x20-\x7e]/.test(host)) {
    try {
      host = new URL(`http://${host}`).hostname;
    } catch {
      return null;
    }
  }
  if (host.length > 253 || IPV4.test(host) || !HOST.test(host)) return null;
  const labels = host.split('.');
  const suffix = suffixLabels(labels);
  return labels.length > suffix ? labels.slice(-suffix - 1).join('.') : null;
}
