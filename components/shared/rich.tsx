import { Fragment, type ReactNode } from 'react';

// A translated sentence with elements inside ("Spent <strong>$5.00</strong> on 2 codes"): the
// message gets a marker where each element goes, then is split around the markers, so word
// order stays the translation's.

const MARK = '\u2063';
const MARKS = new RegExp(`${MARK}(\\d+)${MARK}`);

/** The stand-in for `nodes[i]` to pass to t()/tn() as a substitution. */
export function slot(i: number): string {
  return `${MARK}${i}${MARK}`;
}

/** `text` with each slot(i) replaced by `nodes[i]`. */
export function withNodes(text: string, nodes: readonly ReactNode[]): ReactNode[] {
  return text
    .split(MARKS)
    .map((part, i) =>
      i % 2 === 0 ? part : <Fragment key={i}>{nodes[Number(part)] ?? null}</Fragment>,
    );
}
