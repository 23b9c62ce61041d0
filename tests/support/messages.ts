import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { setMessages, type Language } from '@/lib/i18n.ts';

/** messages.json of a language, as the build writes it from locales/<lang>.yml. */
export async function messagesJson(lang: Language) {
  const parsed = await parseMessagesFile(`locales/${lang}.yml`);
  return Object.fromEntries(
    parsed.flatMap((m) => (m.type === 'simple' ? [[m.key.join('_'), { message: m.message }]] : [])),
  );
}

/** Shows every string of the code under test in `lang`, as the built extension would. */
export async function useMessages(lang: Language) {
  setMessages(lang, await messagesJson(lang));
}
