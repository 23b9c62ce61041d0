// @vitest-environment happy-dom
/**
 * Measurement, not a spec: findPhoneTarget over real saved signup/checkout pages
 * (../shared/corpora/forms-ddg, DDG's hand labels). Labels are read, then stripped, so the
 * detector never sees them. A page counts as a true positive when the chosen field is labelled
 * `phone`, a false positive when it carries another label; unlabelled picks are not scored.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { findPhoneTarget } from './index.ts';

const DIR = resolve(__dirname, '../../../shared/corpora/forms-ddg');
const present = existsSync(DIR);

interface PageResult {
  file: string;
  hasPhone: boolean;
  picked: string | null;
}

function runPage(file: string): PageResult {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const document = window.document as unknown as Document;
  document.write(readFileSync(resolve(DIR, file), 'utf8'));
  const labels = new Map<Element, string>();
  for (const el of Array.from(document.querySelectorAll('[data-manual-scoring]'))) {
    labels.set(el, el.getAttribute('data-manual-scoring') ?? '');
    el.removeAttribute('data-manual-scoring');
  }
  const hasPhone = [...labels.values()].includes('phone');
  const target = findPhoneTarget(document);
  const picked = target ? (labels.get(target.input) ?? 'unlabelled') : null;
  void window.happyDOM.close();
  return { file, hasPhone, picked };
}

describe.skipIf(!present)('forms-ddg phone field detection (measurement)', () => {
  it('finds labelled phone fields with a measured floor', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));
    const results = files.map(runPage);
    const tp = results.filter((r) => r.picked === 'phone').length;
    const fp = results.filter(
      (r) => r.picked !== null && r.picked !== 'phone' && r.picked !== 'unlabelled',
    );
    const phonePages = results.filter((r) => r.hasPhone).length;
    const precision = tp / Math.max(1, tp + fp.length);
    const recall = tp / Math.max(1, phonePages);
    const missed = results.filter((r) => r.hasPhone && r.picked !== 'phone');
    console.log(
      `forms-ddg: ${files.length} pages, ${phonePages} with a labelled phone field; ` +
        `TP ${tp}, FP ${fp.length}, unlabelled picks ${results.filter((r) => r.picked === 'unlabelled').length}; ` +
        `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
    );
    console.log('false positives:', fp.map((r) => `${r.file}=${r.picked}`).join(', ') || 'none');
    console.log('missed:', missed.map((r) => `${r.file}=${r.picked}`).join(', ') || 'none');
    // Measured 95.4% / 92.5% here (happy-dom: no layout, the source's labels as given). The
    // Chromium measurement, with the disputed labels noted, is `npm run eval`: the false
    // positives are phone-only sign-in fields the source calls username, and most misses are
    // fields hidden in the saved page (tests/eval/phone-notes.json).
    expect(precision).toBeGreaterThanOrEqual(0.93);
    expect(recall).toBeGreaterThanOrEqual(0.88);
  }, 120_000);
});

if (!present) console.warn(`forms-ddg corpus not found at ${DIR}: measurement skipped`);
