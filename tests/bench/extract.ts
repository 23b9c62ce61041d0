/**
 * extractWorst1MBMs: what one hostile 1 MB SMS costs the worker. For each hostile shape the
 * engine's path (cap, choose between the provider's code and ours, read an origin-bound line)
 * runs several times; the median per shape, the worst shape reported.
 */
import { capSmsText, chooseCode, parseOriginBoundCode } from '../../lib/sms/extract-code.ts';
import { hostileSmsTexts } from '../../lib/sms/hostile.fixture.ts';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function extractWorst1MB(): { ms: number; shape: string } {
  let worst = { ms: 0, shape: '' };
  for (const [shape, text] of Object.entries(hostileSmsTexts(1024 * 1024))) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const stored = capSmsText(text);
      chooseCode('123456', stored);
      parseOriginBoundCode(stored);
      times.push(performance.now() - started);
    }
    const ms = median(times);
    if (ms > worst.ms) worst = { ms, shape };
  }
  return { ms: Math.round(worst.ms * 10) / 10, shape: worst.shape };
}
