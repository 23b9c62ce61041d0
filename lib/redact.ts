/**
 * Removes secrets from text bound for a log, an error shown to the user or an export: API keys
 * in query strings (SMS-Activate protocol: `api_key=`), bearer tokens, and anything that looks
 * like a provider key.
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text
    .replace(/([?&](?:api_key|apikey|key|token)=)[^&#\s"']+/gi, '$1[redacted]')
    .replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
    .replace(/\bcoda_(live|test)_[A-Za-z0-9_]+/g, 'coda_$1_[redacted]');
  for (const secret of knownSecrets) {
    if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** console.warn for the extension: the error is reduced to redacted text before it is logged. */
export function warn(what: string, error?: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error ?? '');
  console.warn(redactSecrets(`${what}${detail ? `: ${detail}` : ''}`));
}
