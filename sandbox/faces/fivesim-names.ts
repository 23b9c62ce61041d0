/**
 * 5sim's names for the sandbox catalog's countries and services. Kept here, apart from the
 * adapter's table (lib/providers/data), because the sandbox plays the provider: a test checks
 * the two agree, so a typo on either side shows.
 */
export const FIVESIM_COUNTRY: Readonly<Record<string, string>> = {
  '0': 'russia',
  '1': 'ukraine',
  '2': 'kazakhstan',
  '4': 'philippines',
  '6': 'indonesia',
  '7': 'malaysia',
  '10': 'vietnam',
  '15': 'poland',
  '16': 'england',
  '22': 'india',
  '33': 'colombia',
  '36': 'canada',
  '43': 'germany',
  '48': 'netherlands',
  '52': 'thailand',
  '54': 'mexico',
  '56': 'spain',
  '62': 'turkey',
  '73': 'brazil',
  '78': 'france',
  '86': 'italy',
  '187': 'usa',
  // '12' (USA virtual) is an SMS-Activate pool with no 5sim counterpart.
};

export const FIVESIM_PRODUCT: Readonly<Record<string, string>> = {
  tg: 'telegram',
  wa: 'whatsapp',
  go: 'google',
  ds: 'discord',
  tw: 'twitter',
  ig: 'instagram',
  fb: 'facebook',
  mm: 'microsoft',
  am: 'amazon',
  wx: 'apple',
  oi: 'tinder',
  lf: 'tiktok',
  nf: 'netflix',
  ub: 'uber',
  ts: 'paypal',
  tn: 'linkedin',
  fu: 'snapchat',
  dh: 'ebay',
  mt: 'steam',
  vi: 'viber',
  wb: 'wechat',
  vk: 'vkontakte',
  ya: 'yandex',
  kt: 'kakaotalk',
  me: 'line',
  re: 'coinbase',
  uk: 'airbnb',
  av: 'avito',
  ok: 'odnoklassniki',
  ma: 'mailru',
  mb: 'yahoo',
  bw: 'signal',
  dr: 'openai',
  nv: 'naver',
  ka: 'shopee',
  ot: 'other',
};

const invert = (table: Readonly<Record<string, string>>) =>
  new Map(Object.entries(table).map(([k, v]) => [v, k]));

const countryIds = invert(FIVESIM_COUNTRY);
const serviceCodes = invert(FIVESIM_PRODUCT);

export const countryIdOf = (name: string): string | undefined => countryIds.get(name);
export const serviceCodeOf = (product: string): string | undefined => serviceCodes.get(product);
