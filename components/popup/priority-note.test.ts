import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMessages } from '@/lib/i18n.ts';
import { money } from '@/lib/money.ts';
import type { Offer, ProviderId, Tier } from '@/lib/providers/types.ts';
import { useMessages } from '../../tests/support/messages.ts';
import { priorityNote } from './priority-note.ts';

const NAMES: Record<ProviderId, string> = {
  codasms: 'CODASMS',
  fivesim: '5sim',
  smsactivate: 'HeroSMS',
};

const offer = (providerId: ProviderId, tier: Tier, stock: number | null = 5): Offer => ({
  providerId,
  providerName: NAMES[providerId],
  country: '6',
  countryName: 'Indonesia',
  countryIso: 'ID',
  tier,
  price: money(tier === 'priority' ? 30 : 10),
  priceIsCap: providerId === 'smsactivate' && tier === 'priority',
  stock,
});

beforeEach(() => useMessages('en'));
afterEach(() => setMessages('en', null));

describe('what Priority means, said once for the offers shown', () => {
  it('one provider: one sentence in its own terms', () => {
    expect(priorityNote([offer('codasms', 'standard'), offer('codasms', 'priority')])).toMatch(
      /^Priority numbers cost more and give better odds/,
    );
    expect(priorityNote([offer('fivesim', 'priority')])).toMatch(
      /operator with the best delivery rate within your price cap/,
    );
    expect(priorityNote([offer('smsactivate', 'priority')])).toMatch(/^“Up to” prices/);
  });

  it('two providers meaning different things: one line naming each, not two explanations', () => {
    const note = priorityNote([
      offer('codasms', 'priority'),
      offer('smsactivate', 'priority'),
      offer('codasms', 'priority'),
    ]);
    expect(note).toBe(
      'Priority means: CODASMS, its own faster numbers; HeroSMS, the same numbers at a higher ' +
        'price cap (“up to”). Either way you pay only if a code arrives.',
    );
  });

  it('only providers whose Priority is on show count; none: nothing to explain', () => {
    // 5sim sells Standard only here, and the sold-out HeroSMS Priority is not on offer.
    const note = priorityNote([
      offer('codasms', 'priority'),
      offer('fivesim', 'standard'),
      offer('smsactivate', 'priority', 0),
    ]);
    expect(note).toMatch(/^Priority numbers cost more/);
    expect(priorityNote([offer('codasms', 'standard')])).toBeNull();
  });

  it('in Russian, with the same one term for Priority', async () => {
    await useMessages('ru');
    const note = priorityNote([offer('codasms', 'priority'), offer('fivesim', 'priority')]);
    expect(note).toContain('Приоритетный номер — это: CODASMS — отдельные, более быстрые номера');
    expect(note).toContain('5sim — оператор с лучшей доставкой');
  });
});
