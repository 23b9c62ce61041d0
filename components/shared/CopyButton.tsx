import { useEffect, useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n.ts';

interface Props {
  text: string;
  /** What is copied, for screen readers: "Copy the number +62 …". */
  label: MessageKey;
  shown?: string;
}

/** Copies `text`; says "Copied" for a moment so the user sees it worked. */
export function CopyButton({ text, label, shown = text }: Props) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 1500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="copy"
      aria-label={t(label, shown)}
      onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
    >
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  );
}
