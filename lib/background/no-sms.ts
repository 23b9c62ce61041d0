import type { Browser } from 'webextension-polyfill';
import { bindingRules, pageBound, type BindingRules } from '../orders/binding.ts';
import type { Engine } from '../orders/engine.ts';
import { LimitError } from '../orders/limits.ts';
import {
  autoSwapsThisVisit,
  decideNoSms,
  noSmsDue,
  noSmsMark,
  type NoSmsPolicy,
  type PageStep,
} from '../orders/no-sms.ts';
import type { NoSmsOutcome, Order } from '../orders/types.ts';
import { warn } from '../redact.ts';
import { sendToTab } from './send-to-tab.ts';
import { pokeTab } from './tabs.ts';

/** How long the page may take to say where it is; a silent page is asked again next pass. */
const PAGE_ANSWER_MS = 3000;

export interface NoSmsDeps {
  engine: Engine;
  now(): number;
  policy(): Promise<NoSmsPolicy>;
  /**
   * "Try another number" (another-number.ts): the order as it is after, whose `replacement`
   * says why nothing was ordered when nothing fits; a LimitError when a limit refuses it.
   */
  swap(orderId: string): Promise<Order | null>;
  /** Where the order's page is (default: its tab's content script says, pageStep). */
  page(order: Order): Promise<PageStep>;
}

/**
 * Asks the order's own tab whether its page is still on the phone step. A tab that is gone or
 * left the order's site has moved on; a page without our script (reloaded) gets it and is
 * asked again on the next pass.
 */
export async function pageStep(
  browser: Browser,
  order: Order,
  rules: BindingRules = bindingRules(),
): Promise<PageStep> {
  const tabId = order.site.tabId;
  try {
    const { url } = await browser.tabs.get(tabId);
    // No address to read (no host permission): the page itself is asked.
    if (url && !pageBound(order, url, rules)) return 'moved';
  } catch {
    return 'moved';
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), PAGE_ANSWER_MS)));
  try {
    const ask = { type: 'bg.phoneStep', orderId: order.id } as const;
    const reply = await Promise.race([sendToTab(browser, tabId, ask), late]);
    return reply?.step ?? 'unknown';
  } catch {
    void pokeTab(browser, tabId);
    return 'unknown';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One look at the waiting orders, after each scheduler pass (so also after a killed worker
 * wakes: everything it needs is in the stored orders). Marks the order first, then swaps: a
 * worker stopped in between finds it marked "swapped" and still waiting, and swaps it then.
 */
export function createNoSmsWatch(deps: NoSmsDeps) {
  const mark = (order: Order, policy: NoSmsPolicy, what: NoSmsOutcome) =>
    deps.engine.apply(order.id, {
      type: 'noSms',
      mark: { at: deps.now(), minutes: policy.minutes, ...what },
    });

  async function swap(order: Order, policy: NoSmsPolicy) {
    if (noSmsMark(order)?.outcome !== 'swapped') await mark(order, policy, { outcome: 'swapped' });
    try {
      const after = await deps.swap(order.id);
      const none = after?.replacement?.kind === 'none' ? after.replacement.reason : null;
      if (none) {
        const reason = none.why === 'limit' ? 'limit' : 'offer';
        await mark(order, policy, { outcome: 'stopped', reason });
      }
    } catch (e) {
      if (e instanceof LimitError)
        await mark(order, policy, { outcome: 'stopped', reason: 'limit' });
      else warn(`order ${order.id}: the swap after no SMS failed`, e);
    }
  }

  async function look(order: Order, all: readonly Order[], policy: NoSmsPolicy) {
    const now = deps.now();
    const swapsDone = autoSwapsThisVisit(all, order, now);
    // Only a swap due now, with swaps left, needs the page.
    const due = policy.when === 'swap' && noSmsDue(order, policy, now);
    const page = due && swapsDone < policy.maxSwaps ? await deps.page(order) : 'unknown';
    const decision = decideNoSms({ order, policy, page, swapsDone, now });
    switch (decision.kind) {
      case 'ask':
        await mark(order, policy, { outcome: 'asked' });
        return;
      case 'stop':
        await mark(order, policy, { outcome: 'stopped', reason: decision.reason });
        return;
      case 'swap':
        await swap(order, policy);
        return;
      case 'wait':
        return;
    }
  }

  return async function check(): Promise<void> {
    const all = await deps.engine.allOrders();
    const waiting = all.filter((o) => o.state === 'waiting' && o.orderedAt !== null);
    if (waiting.length === 0) return;
    const policy = await deps.policy();
    for (const order of waiting) {
      try {
        await look(order, all, policy);
      } catch (e) {
        warn(`order ${order.id}: no-SMS check failed`, e);
      }
    }
  };
}
