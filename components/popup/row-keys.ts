/** Buttons that take focus in one offer row. */
const rowButtons = (row: Element) => [...row.querySelectorAll<HTMLButtonElement>('button')];
const enabled = (b: HTMLButtonElement) => !b.disabled;

/**
 * The first row's main button (the user's default tier when it can be ordered), where Enter in
 * the country search goes.
 */
export function firstRowButton(list: HTMLElement | null): HTMLButtonElement | null {
  const row = [...(list?.children ?? [])].find((r) => rowButtons(r).some(enabled));
  if (!row) return null;
  const buttons = rowButtons(row).filter(enabled);
  return buttons.find((b) => b.classList.contains('preferred')) ?? buttons[0] ?? null;
}

/**
 * Up and down arrows move through the rows, keeping the tier column where the next row has it
 * (sold-out rows are skipped). Returns the button to focus, or null to leave focus alone.
 */
export function rowButtonAfter(
  list: HTMLElement,
  from: Element | null,
  key: string,
): HTMLButtonElement | null {
  const step = key === 'ArrowDown' ? 1 : key === 'ArrowUp' ? -1 : 0;
  const rows = [...list.children];
  const at = rows.findIndex((r) => from instanceof Node && r.contains(from));
  if (step === 0 || at === -1 || !(from instanceof HTMLButtonElement)) return null;
  const column = rowButtons(rows[at] as Element).indexOf(from);
  for (let i = at + step; i >= 0 && i < rows.length; i += step) {
    const buttons = rowButtons(rows[i] as Element);
    const same = buttons[column];
    if (same && enabled(same)) return same;
    const any = buttons.find(enabled);
    if (any) return any;
  }
  return null;
}
