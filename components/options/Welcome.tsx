import { t, type MessageKey } from '@/lib/i18n.ts';
import { topUpUrl } from '@/lib/providers/top-up.ts';
import { toSettings, type Draft } from './provider-form.ts';

interface Props {
  draft: Draft;
  /** Set once Save and test passed in this visit. */
  connected: boolean;
}

const STEPS: readonly MessageKey[] = [
  'guide.welcome.stepKey',
  'guide.welcome.stepTest',
  'guide.welcome.stepUse',
];

/** A local sandbox address: its demo signup site is at <service>.localhost on the same port. */
export function demoSiteUrl(draft: Draft): string | null {
  try {
    const url = new URL(toSettings(draft, 0).baseUrl);
    if (!['127.0.0.1', 'localhost'].includes(url.hostname)) return null;
    return `${url.protocol}//discord.localhost${url.port ? `:${url.port}` : ''}/`;
  } catch {
    return null;
  }
}

/** First run: the three steps to a working setup, the current one spelled out. */
export function Welcome({ draft, connected }: Props) {
  const current = connected ? 2 : draft.apiKey.trim() ? 1 : 0;
  const keySite = topUpUrl(toSettings(draft, 0));
  const demo = demoSiteUrl(draft);
  return (
    <section className="card welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('guide.welcome.heading')}</h2>
      <ol className="steps">
        {STEPS.map((key, i) => (
          <li
            key={key}
            className={i < current ? 'done' : i === current ? 'next' : undefined}
            aria-current={i === current ? 'step' : undefined}
          >
            {t(key)}
          </li>
        ))}
      </ol>
      {/* Kept while the key is typed: a pasted key may be the wrong one. */}
      {current < 2 && keySite ? (
        <p>
          <a href={keySite} target="_blank" rel="noreferrer">
            {t('guide.welcome.getKey', new URL(keySite).host)}
          </a>
        </p>
      ) : null}
      {current === 2 ? (
        <>
          <p className="hint">{t('guide.welcome.pinTip')}</p>
          {demo ? (
            <p>
              <a href={demo} target="_blank" rel="noreferrer">
                {t('guide.welcome.demo')}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
