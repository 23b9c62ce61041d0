// Names people and signup forms use for a country besides the ISO code and the name the
// browser gives (Intl.DisplayNames): short names, older official names, common spellings.
// Read by the popup's country search and by the reading of a page's country selector.

export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GB: ['uk', 'britain', 'great britain', 'england', 'scotland', 'wales'],
  US: ['usa', 'america', 'united states of america'],
  AE: ['uae', 'emirates'],
  NL: ['holland'],
  CZ: ['czechia', 'czech republic'],
  KR: ['korea', 'south korea', 'korea, republic of', 'republic of korea'],
  RU: ['russia', 'russian federation'],
  TR: ['turkey', 'türkiye', 'turkiye'],
  VN: ['viet nam'],
  IR: ['iran, islamic republic of'],
  MD: ['moldova, republic of'],
  TZ: ['tanzania, united republic of'],
  VE: ['venezuela, bolivarian republic of'],
  BO: ['bolivia, plurinational state of'],
  SY: ['syrian arab republic'],
  LA: ['lao people’s democratic republic', "lao people's democratic republic", 'laos'],
  MK: ['macedonia', 'north macedonia'],
  CI: ['ivory coast', "cote d'ivoire"],
  CD: ['congo, the democratic republic of the', 'democratic republic of the congo', 'dr congo'],
  CG: ['congo', 'republic of the congo'],
  HK: ['hong kong', 'hong kong sar'],
  MO: ['macao', 'macau'],
  TW: ['taiwan, province of china'],
  PS: ['palestine', 'palestine, state of'],
  SZ: ['swaziland', 'eswatini'],
  MM: ['burma'],
  CV: ['cape verde', 'cabo verde'],
  TL: ['east timor', 'timor-leste'],
};
