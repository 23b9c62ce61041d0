import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The options and history pages are translated: lint refuses words typed straight into their JSX.
const lint = async (filePath: string, code: string) => {
  const [result] = await new ESLint().lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
};

describe('the i18n lint guard', () => {
  it.each(['components/options/Probe.tsx', 'components/history/Probe.tsx'])(
    'refuses words in JSX text and in labels in %s',
    async (file) => {
      const text = await lint(file, 'export const A = () => <p>Save now</p>;\n');
      expect(text.join('\n')).toMatch(/bypass i18n/);
      const label = await lint(file, 'export const B = () => <button aria-label="Close" />;\n');
      expect(label.join('\n')).toMatch(/locales/);
    },
  );

  it('lets translated text, numbers and punctuation through', async () => {
    const code = [
      "import { t } from '@/lib/i18n.ts';",
      "export const C = () => <p aria-label={t('common.remove')}>{t('common.remove')} · — 2</p>;",
      '',
    ].join('\n');
    expect(await lint('components/options/Probe.tsx', code)).toEqual([]);
  });
});
