import { describe, expect, it } from 'vitest';
import { flagEmoji } from './format.ts';

describe('flags', () => {
  it('are emoji where the system draws them, else the ISO code, never empty boxes', () => {
    expect(flagEmoji('id', () => true)).toBe('🇮🇩');
    expect(flagEmoji('id', () => false)).toBe('ID');
    expect(flagEmoji(null, () => true)).toBe('🌐');
    expect(flagEmoji(null, () => false)).toBe('');
  });
});
