/**
 * Hand-written notes on corpus pages, kept in the repo next to the runner: where a source
 * label is arguably wrong, or a labelled field cannot be filled in the saved page, the note
 * says why; `exclude` takes the page out of the score, `relabel` corrects the label of a control
 * (by its index among the page's input/select/textarea elements), and the runner always
 * prints every note it applied.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as z from 'zod';

export const pageNote = z.object({
  reason: z.string().min(10),
  exclude: z.boolean().optional(),
  relabel: z.record(z.string().regex(/^\d+$/), z.string()).optional(),
  /** The country of the number to order for the page, where the page takes no other. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
export type PageNote = z.infer<typeof pageNote>;

export async function loadNotes(file: string): Promise<Record<string, PageNote>> {
  const raw: unknown = JSON.parse(await readFile(resolve(import.meta.dirname, file), 'utf8'));
  return z.record(z.string(), pageNote).parse(raw);
}
