import { useQuery } from '@tanstack/react-query';
import { currentLanguage, t } from '@/lib/i18n.ts';
import { ratingWarning } from '@/lib/providers/standing.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import { ask } from '../shared/background.ts';

/**
 * The account's rating where the provider keeps one (5sim): shown with what each cancel and
 * each unanswered order costs, and a warning when the next few would bring it to 0.
 */
export function ProviderStanding({ providerId }: { providerId: ProviderId }) {
  const standing = useQuery({
    queryKey: ['standing', providerId],
    queryFn: async () => {
      const s = await ask({ type: 'options.getStanding', providerId });
      return s ? { ...s, warning: ratingWarning(s, Date.now()) } : null;
    },
    staleTime: 60_000,
    retry: false,
  });
  const s = standing.data;
  if (!s || s.rating === null) return null;
  const { warning } = s;
  const points = (n: number) => n.toLocaleString(currentLanguage(), { maximumFractionDigits: 2 });
  return (
    <div className="standing" data-testid={`standing-${providerId}`}>
      <p>{t('providerRules.rating', points(s.rating))}</p>
      <p className="hint">
        {t('providerRules.ratingHelp', points(s.cancelCost), points(s.timeoutCost))}
      </p>
      {warning ? (
        <p role="alert" className="error">
          {t(warning === 'blocked' ? 'providerRules.ratingBlocked' : 'providerRules.ratingLow')}
        </p>
      ) : null}
    </div>
  );
}
