import type { MessageKey } from '@/lib/i18n.ts';
import type { Order } from '@/lib/orders/types.ts';

/** How long the fill script usually needs to put the number in; after that we say it did not. */
export const PHONE_FILL_GRACE_MS = 4000;

export interface Step {
  key: MessageKey;
  /** Filled into the message's $1, $2 (site, shortcut, code). */
  params: string[];
  done: boolean;
}

export interface StoryContext {
  now: number;
  autoFillPhone: boolean;
  /** The "fill here" shortcut as the browser has it set (Alt+Shift+F by default). */
  shortcut: string;
}

/** The order card's checklist: where the user is, and what the extension does next. */
export function orderSteps(order: Order, ctx: StoryContext): Step[] | null {
  if (!['ordering', 'waiting', 'received', 'completed'].includes(order.state)) return null;
  // Ended without a code and the money kept: nothing left to do on the page.
  if (order.state === 'completed' && order.code === null) return null;
  const site = order.site.domain;
  const hasCode = order.code !== null;
  return [phoneStep(order, ctx), sendStep(order, hasCode), codeStep(order, site, ctx.shortcut)];
}

function phoneStep(order: Order, ctx: StoryContext): Step {
  const site = order.site.domain;
  if (order.phoneFilled) return { key: 'guide.steps.phoneFilled', params: [site], done: true };
  const since = ctx.now - (order.orderedAt ?? ctx.now);
  if (order.state === 'ordering' || (ctx.autoFillPhone && since < PHONE_FILL_GRACE_MS)) {
    return { key: 'guide.steps.phoneFilling', params: [site], done: false };
  }
  // A code arrived anyway: the user typed the number themselves.
  if (order.code !== null) return { key: 'guide.steps.phoneTyped', params: [], done: true };
  const key: MessageKey = ctx.autoFillPhone ? 'guide.steps.noPhoneField' : 'guide.steps.phoneOff';
  return { key, params: [ctx.shortcut], done: false };
}

function sendStep(order: Order, hasCode: boolean): Step {
  // A replacement number needs the page's button again: the site sent its SMS to the old one.
  const key: MessageKey = order.previousOrderId ? 'guide.steps.sendAgain' : 'guide.steps.send';
  return { key, params: [], done: hasCode };
}

function codeStep(order: Order, site: string, shortcut: string): Step {
  if (order.codeFilled) return { key: 'guide.steps.codeFilled', params: [site], done: true };
  if (order.code !== null)
    return { key: 'guide.steps.codeArrived', params: [shortcut], done: true };
  return { key: 'guide.steps.codeWait', params: [], done: false };
}

/** Why an ended order ended, in a line of its own; null for orders still running. */
export function endedReason(order: Order): { key: MessageKey; minutes: number } | null {
  if (order.state !== 'refunded') return null;
  const window = (order.expiresAt ?? 0) - (order.orderedAt ?? 0);
  const minutes = Math.max(1, Math.round(window / 60_000));
  switch (order.cancelReason) {
    case 'window':
      return { key: 'guide.ended.noSms', minutes };
    case 'user':
      return { key: 'guide.ended.youCancelled', minutes };
    case 'another':
      return { key: 'guide.ended.replaced', minutes };
    case 'price':
      return { key: 'guide.ended.priceAboveCap', minutes };
    case null:
      return { key: 'guide.ended.byProvider', minutes };
  }
}
