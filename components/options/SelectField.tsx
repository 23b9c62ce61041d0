export interface SelectChoice {
  value: string;
  text: string;
  /** The language the text is written in, when it is not the page's (a language's own name). */
  lang?: string;
}

/** A labelled drop-down of the options page: the label's text, then the select inside it. */
export function SelectField({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: string;
  choices: readonly SelectChoice[];
  onChange(value: string): void;
}) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value} lang={c.lang}>
            {c.text}
          </option>
        ))}
      </select>
    </label>
  );
}
