import { t } from '@/lib/i18n.ts';
import { formatCountdown } from '../shared/format.ts';

interface Props {
  /** Unique per card: names the hint that says why the button waits. */
  id: string;
  label: string;
  /** Milliseconds until the provider accepts a cancel (0 or less: now). */
  lockLeft: number;
  onClick: () => void;
}

/** The one button that swaps a number for a refund; while the provider's cancel lock runs it
 * is disabled and says for how long. */
export function SwapButton({ id, label, lockLeft, onClick }: Props) {
  const locked = lockLeft > 0;
  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={locked}
        aria-describedby={locked ? id : undefined}
        onClick={onClick}
      >
        {label}
      </button>
      {locked ? (
        <p className="hint" id={id}>
          {t('popup.order.rejected.locked', formatCountdown(lockLeft))}
        </p>
      ) : null}
    </>
  );
}
