import { discordOrder } from '../../tests/support/orders.ts';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMessages } from '@/lib/i18n.ts';
import { money } from '@/lib/money.ts';
import type { NoSmsMark, NoSmsOutcome, Order } from '@/lib/orders/types.ts';
import { useMessages } from '../../tests/support/messages.ts';
import { loadPhoneFormat } from '../shared/format.ts';
import { NoSmsNotice } from './NoSmsNotice.tsx';

// The popup loads the phone formatter on first use; static markup renders once, so load it first.
beforeAll(loadPhoneFormat);

const T0 = 1_700_000_000_000;

function order(extra: Partial<Order> = {}): Order {
  const base = discordOrder(T0, { idempotencyKey: 'k1', maxPrice: money(35) });
  return { ...base, state: 'waiting', phone: '+6281234567890', orderedAt: T0, ...extra };
}

const at = (outcome: NoSmsOutcome): NoSmsMark => ({ at: T0 + 180_000, minutes: 3, ...outcome });

const html = (o: Order, replaced?: Order, lockLeft = 0) =>
  renderToStaticMarkup(
    <NoSmsNotice order={o} replaced={replaced} lockLeft={lockLeft} onAnother={() => undefined} />,
  );

describe('NoSmsNotice', () => {
  beforeAll(() => useMessages('en'));
  afterAll(() => setMessages('en', null));

  it('nothing before N minutes', () => {
    expect(html(order())).toBe('');
  });

  it('ask: says so, with one button that swaps the number', () => {
    const out = html(order({ noSms: at({ outcome: 'asked' }) }));
    expect(out).toContain('No SMS after 3 min: try another number (this one is refunded)');
    expect(out).toContain('>Try another number</button>');
    expect(out).not.toContain('disabled');
  });

  it('ask inside the provider’s early-cancel lock: the button says when', () => {
    const out = html(order({ noSms: at({ outcome: 'asked' }) }), undefined, 65_000);
    expect(out).toMatch(/<button[^>]*disabled/);
    expect(out).toContain('The provider allows cancelling in 1:05');
  });

  it('stopped: says why; a swap by hand stays offered unless a limit refuses it', () => {
    const page = html(order({ noSms: at({ outcome: 'stopped', reason: 'page' }) }));
    expect(page).toContain(
      'Not swapped automatically: the page is no longer on its phone step with this number.',
    );
    expect(page).toContain('>Try another number</button>');
    const max = html(order({ noSms: at({ outcome: 'stopped', reason: 'max' }) }));
    expect(max).toContain('this visit’s automatic swaps are used up');
    const limit = html(order({ noSms: at({ outcome: 'stopped', reason: 'limit' }) }));
    expect(limit).toContain('a spending limit refuses another number');
    expect(limit).not.toContain('</button>');
  });

  it('the swap under way, then on the new number: what happened to the old one', () => {
    const old = order({ noSms: at({ outcome: 'swapped' }), state: 'cancelling' });
    expect(html(old)).toContain('swapping it for another number');
    const next = order({ id: 'o2', phone: '+6289876543210', previousOrderId: 'o1' });
    expect(html(next, { ...old, state: 'refunded' })).toMatch(
      /No SMS came to \+62\s812\s3456\s7890 in 3 min, so it was swapped for this number automatically/,
    );
  });
});
