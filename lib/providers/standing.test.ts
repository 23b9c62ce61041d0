import { describe, expect, it } from 'vitest';
import { money } from '../money.ts';
import { ratingWarning } from './standing.ts';
import type { AccountStanding } from './types.ts';

const standing = (rating: number | null, blockedUntil: number | null = null): AccountStanding => ({
  balance: money(100),
  rating,
  cancelCost: 0.1,
  timeoutCost: 0.15,
  blockedUntil,
});

describe('the rating warning (5sim: cancel 0.1, timeout 0.15, blocked at 0)', () => {
  it('far from 0, or no rating at all: no warning', () => {
    expect(ratingWarning(standing(96), 0)).toBeNull();
    expect(ratingWarning(standing(1), 0)).toBeNull();
    expect(ratingWarning(standing(null), 0)).toBeNull();
    expect(ratingWarning(null, 0)).toBeNull();
  });

  it('a few timed-out orders from 0: warns before the next action', () => {
    expect(ratingWarning(standing(0.75), 0)).toBe('low');
    expect(ratingWarning(standing(0.9), 0)).toBeNull();
    expect(ratingWarning(standing(0.1), 0)).toBe('low');
  });

  it('at 0, or while the provider says blocked: blocked', () => {
    expect(ratingWarning(standing(0), 0)).toBe('blocked');
    expect(ratingWarning(standing(50, 1_000), 500)).toBe('blocked');
    expect(ratingWarning(standing(50, 1_000), 2_000)).toBeNull();
  });
});
