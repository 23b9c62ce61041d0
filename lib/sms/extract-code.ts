// Placeholder until the extractor lands: the first run of 4-8 digits.
export function extractCode(text: string): string | null {
  const m = /\b(\d{4,8})\b/.exec(text);
  return m?.[1] ?? null;
}
