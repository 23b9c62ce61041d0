// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { takeOverAgents } from './lifetime.ts';

describe('fill agents lifetime', () => {
  it('a new injection ends the previous agents, and only that does', () => {
    const world = {};
    const first = takeOverAgents(world);
    expect(first.aborted).toBe(false);
    // What a page can send (a forged WXT start message) does not reach this signal at all.
    document.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail: {} }));
    window.postMessage({ type: 'wxt:content-script-started' }, '*');
    expect(first.aborted).toBe(false);
    const second = takeOverAgents(world);
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
  });
});
