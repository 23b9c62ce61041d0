export interface Country {
  iso: string;
  name: string;
  /** Dial code with the plus, e.g. +62. */
  dial: string;
}

/** Sorted by name; the country page preselects United States. */
export const COUNTRIES: readonly Country[] = [
  { iso: 'AR', name: 'Argentina', dial: '+54' },
  { iso: 'AU', name: 'Australia', dial: '+61' },
  { iso: 'BD', name: 'Bangladesh', dial: '+880' },
  { iso: 'BR', name: 'Brazil', dial: '+55' },
  { iso: 'CA', name: 'Canada', dial: '+1' },
  { iso: 'CL', name: 'Chile', dial: '+56' },
  { iso: 'CO', name: 'Colombia', dial: '+57' },
  { iso: 'CZ', name: 'Czechia', dial: '+420' },
  { iso: 'EG', name: 'Egypt', dial: '+20' },
  { iso: 'EE', name: 'Estonia', dial: '+372' },
  { iso: 'FR', name: 'France', dial: '+33' },
  { iso: 'GE', name: 'Georgia', dial: '+995' },
  { iso: 'DE', name: 'Germany', dial: '+49' },
  { iso: 'HK', name: 'Hong Kong', dial: '+852' },
  { iso: 'IN', name: 'India', dial: '+91' },
  { iso: 'ID', name: 'Indonesia', dial: '+62' },
  { iso: 'IL', name: 'Israel', dial: '+972' },
  { iso: 'IT', name: 'Italy', dial: '+39' },
  { iso: 'JP', name: 'Japan', dial: '+81' },
  { iso: 'KZ', name: 'Kazakhstan', dial: '+7' },
  { iso: 'KE', name: 'Kenya', dial: '+254' },
  { iso: 'LV', name: 'Latvia', dial: '+371' },
  { iso: 'LT', name: 'Lithuania', dial: '+370' },
  { iso: 'MY', name: 'Malaysia', dial: '+60' },
  { iso: 'MX', name: 'Mexico', dial: '+52' },
  { iso: 'NL', name: 'Netherlands', dial: '+31' },
  { iso: 'NG', name: 'Nigeria', dial: '+234' },
  { iso: 'PK', name: 'Pakistan', dial: '+92' },
  { iso: 'PE', name: 'Peru', dial: '+51' },
  { iso: 'PH', name: 'Philippines', dial: '+63' },
  { iso: 'PL', name: 'Poland', dial: '+48' },
  { iso: 'PT', name: 'Portugal', dial: '+351' },
  { iso: 'RO', name: 'Romania', dial: '+40' },
  { iso: 'RU', name: 'Russia', dial: '+7' },
  { iso: 'ZA', name: 'South Africa', dial: '+27' },
  { iso: 'KR', name: 'South Korea', dial: '+82' },
  { iso: 'ES', name: 'Spain', dial: '+34' },
  { iso: 'SE', name: 'Sweden', dial: '+46' },
  { iso: 'TH', name: 'Thailand', dial: '+66' },
  { iso: 'TR', name: 'Turkey', dial: '+90' },
  { iso: 'UA', name: 'Ukraine', dial: '+380' },
  { iso: 'GB', name: 'United Kingdom', dial: '+44' },
  { iso: 'US', name: 'United States', dial: '+1' },
  { iso: 'UZ', name: 'Uzbekistan', dial: '+998' },
  { iso: 'VN', name: 'Vietnam', dial: '+84' },
];

export const DEFAULT_COUNTRY = 'US';

/**
 * The restricted signup page's list (/signup/restricted): a service that takes numbers from the
 * UK, a few EU countries and North America only, as fintech and marketplace signups often do.
 */
export const RESTRICTED_COUNTRIES: readonly string[] = [
  'GB',
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'PL',
  'US',
  'CA',
];
