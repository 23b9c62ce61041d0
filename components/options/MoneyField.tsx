import { useId, useState, type FormEvent } from 'react';
import { currentLanguage, t } from '@/lib/i18n.ts';
import { formatMaxPrice, parseMaxPrice } from './max-price.ts';

interface Props {
  label: string;
  hint: string;
  cents: number | null;
  onSave(cents: number | null): void;
}

/**
 * An amount typed as people write money ("1.50", "1,50", "$2"), saved when left or on Enter;
 * empty means none. Give it a `key` that changes with the stored value to show it afresh.
 */
export function MoneyField({ label, hint, cents, onSave }: Props) {
  const id = useId();
  const lang = currentLanguage();
  const [text, setText] = useState(() => formatMaxPrice(cents, lang));
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    const parsed = parseMaxPrice(text);
    setInvalid(parsed === null);
    if (!parsed) return;
    if (parsed.cents === cents) setText(formatMaxPrice(cents, lang));
    else onSave(parsed.cents);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    commit();
  };
  return (
    <form onSubmit={onSubmit}>
      <label className="field">
        {label}
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
        />
      </label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <p id={`${id}-error`} className="error" aria-live="polite">
        {invalid ? t('money.invalid') : ''}
      </p>
    </form>
  );
}
