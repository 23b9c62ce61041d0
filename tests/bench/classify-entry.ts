/**
 * Bundled for a page by the bench: times classifyPage (lib/fill, as the content script runs
 * it) over a synthetic page of `n` field descriptors. Each run gets freshly made descriptors
 * (made outside the timed part): the classifier caches texts per descriptor, and a real page is
 * classified once.
 */
import { syntheticFields } from '../../lib/fill/bench.fixture.ts';
import { classifyPage } from '../../lib/fill/classify-page.ts';

export type ClassifyBench = (n: number, runs: number) => { ms: number[]; phoneFound: boolean };

const run: ClassifyBench = (n, runs) => {
  const ms: number[] = [];
  let phoneFound = true;
  for (let i = 0; i < runs; i++) {
    const fields = syntheticFields(n);
    const t0 = performance.now();
    const result = classifyPage(fields);
    ms.push(performance.now() - t0);
    phoneFound &&= result.phone !== null;
  }
  return { ms, phoneFound };
};

(globalThis as typeof globalThis & { __classifyBench?: ClassifyBench }).__classifyBench = run;
