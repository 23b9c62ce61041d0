import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMessages } from '@/lib/i18n.ts';
import { useMessages } from '../../tests/support/messages.ts';
import { formatClock } from '../shared/format.ts';
import { leftOutText, staleProblemText, waitNote } from './wait-note.ts';

const T = new Date(2026, 11, 5, 12, 10).getTime();
const pricesAt = new Date(2026, 11, 5, 12, 4).getTime();

beforeEach(() => useMessages('en'));
afterEach(() => setMessages('en', null));

describe('what the popup says while offers load', () => {
  it('nothing in the first seconds of an ordinary load', () => {
    expect(waitNote([{ provider: '5sim', since: T - 2_000, limitedUntil: null }], T, null)).toBe(
      null,
    );
    expect(waitNote([], T, null)).toBeNull();
  });

  it('after about 5 s it names the provider it waits for, then says it is retrying', () => {
    const waiting = [
      { provider: 'CODASMS', since: T - 1_000, limitedUntil: null },
      { provider: '5sim', since: T - 6_000, limitedUntil: null },
    ];
    expect(waitNote(waiting, T, null)).toBe('Still waiting for 5sim…');
    expect(waitNote(waiting, T + 10_000, null)).toBe('5sim is not answering; retrying…');
    // With older prices on show, they say their time too.
    expect(waitNote(waiting, T, pricesAt)).toBe(
      `Still waiting for 5sim… Prices from ${formatClock(pricesAt)}, updating…`,
    );
  });

  it('a provider limiting requests is said at once, with the prices’ time when they are shown', () => {
    const waiting = [{ provider: 'CODASMS', since: T, limitedUntil: T + 41_500 }];
    expect(waitNote(waiting, T, null)).toBe('CODASMS is limiting requests; asking again in 42 s…');
    expect(waitNote(waiting, T, pricesAt)).toBe(
      `CODASMS is limiting requests; prices from ${formatClock(pricesAt)}.`,
    );
    // Once the pause is over it is an ordinary wait again.
    const resumed = [{ ...waiting[0]!, since: T + 40_000 }];
    expect(waitNote(resumed, T + 42_000, null)).toBe(null);
  });

  it('a failed refresh: rate limiting in one line with the prices; other problems keep theirs', () => {
    const limited = { kind: 'rate_limited', message: 'x', provider: 'HeroSMS' };
    expect(staleProblemText(limited, pricesAt)).toBe(
      `HeroSMS is limiting requests; prices from ${formatClock(pricesAt)}.`,
    );
    expect(staleProblemText({ ...limited, provider: null }, pricesAt)).toBeNull();
    expect(staleProblemText({ ...limited, kind: 'network' }, pricesAt)).toBeNull();
  });

  it('a provider left out of the list says why', () => {
    expect(leftOutText({ provider: '5sim', kind: 'network' })).toBe(
      '5sim did not answer; its numbers are left out for now.',
    );
    expect(leftOutText({ provider: '5sim', kind: 'rate_limited' })).toBe(
      '5sim is limiting requests; its numbers are left out for now.',
    );
  });

  it('in Russian', async () => {
    await useMessages('ru');
    const waiting = [{ provider: '5sim', since: T - 6_000, limitedUntil: null }];
    expect(waitNote(waiting, T, null)).toBe('Ждём ответа от 5sim…');
    expect(waitNote([{ ...waiting[0]!, limitedUntil: T + 5_000 }], T, pricesAt)).toBe(
      `5sim ограничивает частоту запросов; цены на ${formatClock(pricesAt)}.`,
    );
  });
});
