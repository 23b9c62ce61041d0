// Identity of the demo site, chosen by the first label of the Host header
// (discord.localhost -> Discord). SMS texts imitate each service's real wording so the
// extension's code extractor sees realistic messages (prefixes, dashes, spaces, 4-6 digits).

export interface Service {
  /** Stable key (aliases resolve to their canonical key: twitter -> x). */
  key: string;
  name: string;
  /** Brand colour, #rrggbb. */
  color: string;
  /** Number of digits in the code. */
  codeLength: number;
  /** Full SMS text for a code (digits only, `codeLength` long). */
  sms: (code: string) => string;
  /** Shown when the number cannot receive an SMS (the control API answered 404). */
  unusableNumber: string;
  /** False for the generic fallback built from an unknown host label. */
  known: boolean;
}

type ServiceSpec = Omit<Service, 'key' | 'known'> & { aliases?: string[] };

const split3 = (code: string, sep: string): string => `${code.slice(0, 3)}${sep}${code.slice(3)}`;

const SPECS: Record<string, ServiceSpec> = {
  discord: {
    name: 'Discord',
    color: '#5865F2',
    codeLength: 6,
    sms: (c) => `Your Discord verification code is ${c}`,
    unusableNumber: 'This phone number is invalid or cannot be used. Try another number.',
  },
  telegram: {
    name: 'Telegram',
    color: '#229ED9',
    codeLength: 5,
    sms: (c) =>
      `Telegram code: ${c}\n\nDo not give this code to anyone, even if they say they are from Telegram!`,
    unusableNumber: 'Invalid phone number. Please check the number and try again.',
  },
  google: {
    name: 'Google',
    color: '#1A73E8',
    codeLength: 6,
    sms: (c) => `G-${c} is your Google verification code.`,
    unusableNumber: 'This phone number cannot be used for verification.',
  },
  whatsapp: {
    name: 'WhatsApp',
    color: '#25D366',
    codeLength: 6,
    sms: (c) => `Your WhatsApp code: ${split3(c, '-')}\n\nDon't share this code with others`,
    unusableNumber: "Couldn't send an SMS to your number. Check your number and try again.",
  },
  instagram: {
    name: 'Instagram',
    color: '#E1306C',
    codeLength: 6,
    sms: (c) => `${split3(c, ' ')} is your Instagram code. Don't share it.`,
    unusableNumber:
      'Looks like your phone number may be incorrect. Try entering your full number, including the country code.',
  },
  facebook: {
    name: 'Facebook',
    color: '#1877F2',
    codeLength: 5,
    sms: (c) => `FB-${c} is your Facebook confirmation code`,
    unusableNumber: "We can't send a code to this mobile number. Please try a different number.",
  },
  x: {
    name: 'X',
    color: '#0F1419',
    codeLength: 6,
    aliases: ['twitter'],
    sms: (c) => `${c} is your X verification code.`,
    unusableNumber:
      "This phone number can't be used for verification. Please use a different number.",
  },
  tiktok: {
    name: 'TikTok',
    color: '#FE2C55',
    codeLength: 6,
    sms: (c) =>
      `[TikTok] ${c} is your verification code, valid for 5 minutes. To keep your account safe, never forward this code.`,
    unusableNumber: "This phone number isn't supported. Try another number.",
  },
  tinder: {
    name: 'Tinder',
    color: '#FD5564',
    codeLength: 6,
    sms: (c) => `Your Tinder code is ${c}. Don't share it.`,
    unusableNumber: "Oops! That number doesn't look right. Please check it and try again.",
  },
  amazon: {
    name: 'Amazon',
    color: '#FF9900',
    codeLength: 6,
    sms: (c) => `${c} is your Amazon OTP. Do not share it with anyone.`,
    unusableNumber:
      'We cannot send a One Time Password to this mobile number. Please enter a different number.',
  },
  microsoft: {
    name: 'Microsoft',
    color: '#0078D4',
    codeLength: 6,
    sms: (c) => `Use ${c} as Microsoft account security code`,
    unusableNumber: "We couldn't send a code to this phone number. Try a different number.",
  },
  uber: {
    name: 'Uber',
    color: '#000000',
    codeLength: 4,
    sms: (c) => `Your Uber code: ${c}. Never share this code.`,
    unusableNumber: "We couldn't send a code to this number. Please try another phone number.",
  },
  netflix: {
    name: 'Netflix',
    color: '#E50914',
    codeLength: 6,
    sms: (c) => `Netflix: ${c} is your verification code.`,
    unusableNumber: 'We were unable to send a code to this number. Please try a different number.',
  },
  paypal: {
    name: 'PayPal',
    color: '#003087',
    codeLength: 6,
    sms: (c) =>
      `PayPal: Your security code is: ${c}. Your code expires in 10 minutes. Please don't reply.`,
    unusableNumber: "We can't send a code to this number. Please use a different mobile number.",
  },
  linkedin: {
    name: 'LinkedIn',
    color: '#0A66C2',
    codeLength: 6,
    sms: (c) => `Your LinkedIn verification code is ${c}.`,
    unusableNumber: "We couldn't verify this phone number. Please try a different phone number.",
  },
  snapchat: {
    name: 'Snapchat',
    color: '#FFFC00',
    codeLength: 6,
    sms: (c) => `Snapchat code: ${c}. Happy Snapping!`,
    unusableNumber: "Sorry, this phone number can't be used. Please try another one.",
  },
  steam: {
    name: 'Steam',
    color: '#1B2838',
    codeLength: 5,
    sms: (c) => `Your Steam verification code is: ${c}`,
    unusableNumber:
      'The phone number you entered is not supported by Steam. Please use a different number.',
  },
};

function build(key: string, spec: ServiceSpec): Service {
  const { aliases: _aliases, ...rest } = spec;
  return { key, known: true, ...rest };
}

const BY_LABEL = new Map<string, Service>();
for (const [key, spec] of Object.entries(SPECS)) {
  const service = build(key, spec);
  BY_LABEL.set(key, service);
  for (const alias of spec.aliases ?? []) BY_LABEL.set(alias, service);
}

/** Every known service, canonical keys only. */
export const KNOWN_SERVICES: readonly Service[] = Object.keys(SPECS).map(
  (key) => BY_LABEL.get(key) as Service,
);

/** Host labels that resolve to a known service (canonical keys and aliases). */
export const KNOWN_LABELS: readonly string[] = [...BY_LABEL.keys()];

function hashHue(label: string): number {
  let h = 0;
  for (const ch of label) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return h;
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): string => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`.toUpperCase();
}

/** Resolve a host label to a service; unknown labels get a generic identity. */
export function resolveService(label: string): Service {
  const key = label.trim().toLowerCase() || 'demo';
  const known = BY_LABEL.get(key);
  if (known) return known;
  const name = key.charAt(0).toUpperCase() + key.slice(1);
  return {
    key,
    name,
    color: hslToHex(hashHue(key), 0.6, 0.42),
    codeLength: 6,
    sms: (c) => `Your ${name} verification code is ${c}`,
    unusableNumber: "This phone number can't receive SMS right now. Try another number.",
    known: false,
  };
}
