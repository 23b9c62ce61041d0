// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { firstRowButton, rowButtonAfter } from './row-keys.ts';

function list(html: string): HTMLElement {
  const ul = document.createElement('ul');
  ul.innerHTML = html;
  return ul;
}

const rows = list(`
  <li><button disabled>a-std</button><button disabled>a-pri</button></li>
  <li><button>b-std</button><button class="preferred">b-pri</button></li>
  <li><button disabled>c-std</button><button>c-pri</button></li>
  <li><button>d-std</button><button>d-pri</button></li>`);
const button = (name: string) =>
  [...rows.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;

describe('keyboard in the offer list', () => {
  it('Enter in the search goes to the first orderable row, on the default tier', () => {
    expect(firstRowButton(rows)?.textContent).toBe('b-pri');
    expect(firstRowButton(list('<li><button disabled>x</button></li>'))).toBeNull();
  });

  it('arrows keep the tier column and skip what cannot be ordered', () => {
    expect(rowButtonAfter(rows, button('b-std'), 'ArrowDown')?.textContent).toBe('c-pri');
    expect(rowButtonAfter(rows, button('c-pri'), 'ArrowDown')?.textContent).toBe('d-pri');
    expect(rowButtonAfter(rows, button('d-std'), 'ArrowUp')?.textContent).toBe('c-pri');
    // Nothing above the first orderable row: focus stays.
    expect(rowButtonAfter(rows, button('b-std'), 'ArrowUp')).toBeNull();
    expect(rowButtonAfter(rows, button('b-std'), 'Tab')).toBeNull();
  });
});
