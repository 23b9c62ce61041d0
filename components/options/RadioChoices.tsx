import { t, type MessageKey } from '@/lib/i18n.ts';

export interface RadioChoice<V extends string> {
  value: V;
  name: MessageKey;
  hint: MessageKey;
}

/** One choice among a few, each named with a line that says what it does (a fieldset). */
export function RadioChoices<V extends string>({
  legend,
  group,
  choices,
  value,
  onChange,
}: {
  legend: string;
  /** The radio group's name: unique on the page (a useId). */
  group: string;
  choices: readonly RadioChoice<V>[];
  value: V;
  onChange(value: V): void;
}) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="check">
          <input
            type="radio"
            name={group}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>
            {t(choice.name)}
            <span className="hint line">{t(choice.hint)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
