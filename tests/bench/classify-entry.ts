/**
 * Bundled for a page by the bench: times classifyPage (lib/fill, as the content script runs it)
 * over a synthetic page of `n` field descriptors. Each run gets freshly made descriptors (made
 * outside the timed part): the classifier caches texts per descriptor, and a real page is
 * classified once. `__classifyRatioBench` renders the same synthetic page as real elements and
 * times the whole detection (collect + classify) against a plain walk of it.
 */
import { syntheticFields } from '../../lib/fill/bench.fixture.ts';
import { classifyPage } from '../../lib/fill/classify-page.ts';
import { collectFields } from '../../lib/fill/collect.ts';

export type ClassifyBench = (n: number, runs: number) => { ms: number[]; phoneFound: boolean };
export type ClassifyRatioBench = (n: number) => {
  classifyMs: number;
  walkMs: number;
  phoneFound: boolean;
};

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

/** The synthetic descriptors as markup: one form per row, a label per control. */
function renderPage(n: number): void {
  const html: string[] = [];
  let row = -1;
  for (const f of syntheticFields(n)) {
    const r = Math.floor(f.formKey - 300_000);
    if (r !== row) {
      if (row >= 0) html.push('</form>');
      html.push(`<form><h3>${f.nearbyText}</h3>`);
      row = r;
    }
    const attrs = [
      `id="${f.id}"`,
      `name="${f.name}"`,
      f.autocomplete.length ? `autocomplete="${f.autocomplete.join(' ')}"` : '',
      f.inputMode ? `inputmode="${f.inputMode}"` : '',
      f.maxLength !== null ? `maxlength="${f.maxLength}"` : '',
      f.placeholder ? `placeholder="${f.placeholder}"` : '',
      f.ariaLabel ? `aria-label="${f.ariaLabel}"` : '',
    ].join(' ');
    const label = f.labelText ? `<label for="${f.id}">${f.labelText}</label>` : '';
    const control =
      f.tag === 'select'
        ? `<select ${attrs}>${f.options.map((o) => `<option value="${o.value}">${o.text}</option>`).join('')}</select>`
        : f.tag === 'textarea'
          ? `<textarea ${attrs}></textarea>`
          : `<input type="${f.type}" ${attrs}>`;
    html.push(`<div class="field">${label}${control}</div>`);
  }
  html.push('</form>');
  document.body.innerHTML = html.join('');
}

const ratio: ClassifyRatioBench = (n) => {
  renderPage(n);
  void document.body.offsetHeight; // lay the page out once, outside both timings
  const w0 = performance.now();
  for (const el of Array.from(document.querySelectorAll('input, select, textarea')))
    el.getBoundingClientRect();
  const walkMs = performance.now() - w0;
  const c0 = performance.now();
  const result = classifyPage(collectFields(document));
  const classifyMs = performance.now() - c0;
  return { classifyMs, walkMs, phoneFound: result.phone !== null };
};

const g = globalThis as typeof globalThis & {
  __classifyBench?: ClassifyBench;
  __classifyRatioBench?: ClassifyRatioBench;
};
g.__classifyBench = run;
g.__classifyRatioBench = ratio;
