import { useId, useState, type FormEvent } from 'react';
import { currentLanguage, t } from '@/lib/i18n.ts';
import { formatMaxPrice, parseCount, parseMaxPrice } from './max-price.ts';

interface EntryProps<T> {
  label: string;
  hint: string;
  inputMode: 'decimal' | 'numeric';
  /** Said under the field when what was typed does not parse. */
  invalidText: string;
  value: T;
  format(value: T): string;
  /** `{ value }` for a valid entry, null when it is not one. */
  parse(text: string): { value: T } | null;
  onSave(value: T): void;
}

/**
 * A typed-in setting saved when left or on Enter; what does not parse is refused in words and
 * the stored value stays. Give it a `key` that changes with the stored value to show it afresh.
 */
function EntryField<T>({ label, hint, inputMode, invalidText, value, ...fns }: EntryProps<T>) {
  const id = useId();
  const [text, setText] = useState(() => fns.format(value));
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    const parsed = fns.parse(text);
    setInvalid(parsed === null);
    if (!parsed) return;
    if (parsed.value === value) setText(fns.format(value));
    else fns.onSave(parsed.value);
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
          inputMode={inputMode}
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
        {invalid ? invalidText : ''}
      </p>
    </form>
  );
}

interface Props<T> {
  label: string;
  hint: string;
  value: T;
  onSave(value: T): void;
}

/** An amount typed as people write money ("1.50", "1,50", "$2"); empty means none. */
export function MoneyField({ label, hint, value, onSave }: Props<number | null>) {
  const lang = currentLanguage();
  return (
    <EntryField
      {...{ label, hint, value, onSave }}
      inputMode="decimal"
      invalidText={t('money.invalid')}
      format={(cents) => formatMaxPrice(cents, lang)}
      parse={(text) => {
        const parsed = parseMaxPrice(text);
        return parsed && { value: parsed.cents };
      }}
    />
  );
}

interface CountProps extends Props<number | null> {
  /** Empty is refused with these words (default: empty means no limit). */
  required?: { invalidText: string };
}

/** A whole number from 1 to 99; empty means no limit, unless `required`. */
export function CountField({ label, hint, value, onSave, required }: CountProps) {
  return (
    <EntryField
      {...{ label, hint, value, onSave }}
      inputMode="numeric"
      invalidText={required?.invalidText ?? t('options.limits.invalidCount')}
      format={(n) => (n === null ? '' : String(n))}
      parse={(text) => {
        const parsed = parseCount(text);
        if (!parsed || (required && parsed.count === null)) return null;
        return { value: parsed.count };
      }}
    />
  );
}
