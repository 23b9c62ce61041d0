import { fillCodeWithReport, fillPhoneWithReport } from '../fill/index.ts';
import {
  codeTargetAt,
  deepActiveElement,
  enteredFormat,
  phoneTargetAt,
  usableInput,
} from '../fill/manual.ts';
import { selectorFor } from '../fill/selector.ts';
import type { FillHereMessage, FillHereReply } from '../messaging.ts';
import { warn } from '../redact.ts';
import { codeAllowedOn } from './code-host.ts';
import type { ContentScriptHandlers } from './from-background.ts';

export interface ManualAgentOptions {
  doc?: Document;
  signal: AbortSignal;
  /** Which right-clicks count: the user's own, never one a page script dispatched. */
  trusted?: (event: Event) => boolean;
}

const nothing = (problem: FillHereReply['problem']): FillHereReply => ({
  ok: false,
  selector: null,
  phoneFormat: null,
  problem,
});

/**
 * The page side of manual fill: remembers the field the user right-clicked (the context menu
 * click reaches the background, not the page) and fills the value the background hands over
 * into that field, or into the focused one for the keyboard shortcut. Only visible, enabled
 * fields; a code bound to another host (`@host #code`) is refused here too. Returns its
 * answer to the background's bg.fillHere.
 */
export function startManualAgent({
  doc = document,
  signal,
  trusted = (event) => event.isTrusted,
}: ManualAgentOptions) {
  let clicked: WeakRef<Element> | null = null;

  const onContextMenu = (event: Event) => {
    if (!trusted(event)) return;
    // The innermost element, also inside open shadow roots.
    const [first] = event.composedPath();
    clicked = first instanceof Element ? new WeakRef(first) : null;
  };
  doc.addEventListener('contextmenu', onContextMenu, { capture: true, signal });

  async function fillHere(msg: FillHereMessage): Promise<FillHereReply> {
    const chosen = msg.target === 'clicked' ? clicked?.deref() : null;
    // A tab injected only now never saw the right-click; the field it was on has the focus.
    const el = chosen?.isConnected ? chosen : deepActiveElement(doc);
    if (!usableInput(el ?? null)) return nothing('no-field');
    if (msg.what === 'code') {
      const host = el?.ownerDocument.location.hostname ?? doc.location.hostname;
      if (!codeAllowedOn(host, { codeHost: msg.codeHost })) return nothing('not-here');
      const target = codeTargetAt(el ?? null);
      if (!target) return nothing('no-field');
      const report = await fillCodeWithReport(target, msg.value);
      const first = target.inputs[0];
      return report.ok && first
        ? { ok: true, selector: selectorFor(first), phoneFormat: null, problem: null }
        : nothing('refused');
    }
    const target = phoneTargetAt(el ?? null);
    if (!target) return nothing('no-field');
    const report = await fillPhoneWithReport(target, msg.value);
    if (!report.ok) return nothing('refused');
    return {
      ok: true,
      selector: selectorFor(target.input),
      phoneFormat: enteredFormat(report.value, msg.value),
      problem: null,
    };
  }

  return {
    'bg.fillHere': (msg) =>
      fillHere(msg).catch((e: unknown) => {
        warn('manual fill', e);
        return nothing('refused');
      }),
  } satisfies Partial<ContentScriptHandlers>;
}
