import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { slot, withNodes } from '@/components/shared/rich.tsx';

const html = (text: string) =>
  renderToStaticMarkup(<p>{withNodes(text, [<strong>$5.00</strong>, <em>2</em>])}</p>);

describe('a translated sentence with elements inside', () => {
  it('puts each element where the translation put its slot', () => {
    expect(html(`Spent ${slot(0)} on ${slot(1)} codes`)).toBe(
      '<p>Spent <strong>$5.00</strong> on <em>2</em> codes</p>',
    );
    // Another language may order them differently.
    expect(html(`За ${slot(1)} кода потрачено ${slot(0)}`)).toBe(
      '<p>За <em>2</em> кода потрачено <strong>$5.00</strong></p>',
    );
  });

  it('leaves a sentence without slots as it is', () => {
    expect(html('No orders yet.')).toBe('<p>No orders yet.</p>');
  });
});
