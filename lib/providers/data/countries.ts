/**
 * Countries in every provider's vocabulary: ISO 3166-1 alpha-2 <-> SMS-Activate numeric id <->
 * 5sim name. The SMS-Activate id is the app's shared country id (CODASMS uses it too), so the
 * popup can line up offers of several providers per country.
 *
 * The ids of the big pools are checked by a test (data.test.ts); the others follow the
 * published SMS-Activate list as clients transcribe it. `fivesim: null` = no 5sim counterpart
 * we trust (SMS-Activate's "USA (virtual)" pool has none).
 */
export interface CountryRow {
  /** SMS-Activate country id, as a string. */
  id: string;
  iso: string;
  name: string;
  fivesim: string | null;
}

const R = (id: number, iso: string, name: string, fivesim: string | null): CountryRow => ({
  id: String(id),
  iso,
  name,
  fivesim,
});

export const COUNTRY_TABLE: readonly CountryRow[] = [
  R(0, 'RU', 'Russia', 'russia'),
  R(1, 'UA', 'Ukraine', 'ukraine'),
  R(2, 'KZ', 'Kazakhstan', 'kazakhstan'),
  R(3, 'CN', 'China', 'china'),
  R(4, 'PH', 'Philippines', 'philippines'),
  R(5, 'MM', 'Myanmar', 'myanmar'),
  R(6, 'ID', 'Indonesia', 'indonesia'),
  R(7, 'MY', 'Malaysia', 'malaysia'),
  R(8, 'KE', 'Kenya', 'kenya'),
  R(9, 'TZ', 'Tanzania', 'tanzania'),
  R(10, 'VN', 'Vietnam', 'vietnam'),
  R(11, 'KG', 'Kyrgyzstan', 'kyrgyzstan'),
  R(12, 'US', 'USA (virtual)', null),
  R(13, 'IL', 'Israel', 'israel'),
  R(14, 'HK', 'Hong Kong', 'hongkong'),
  R(15, 'PL', 'Poland', 'poland'),
  R(16, 'GB', 'United Kingdom', 'england'),
  R(19, 'NG', 'Nigeria', 'nigeria'),
  R(20, 'MO', 'Macau', 'macau'),
  R(21, 'EG', 'Egypt', 'egypt'),
  R(22, 'IN', 'India', 'india'),
  R(23, 'IE', 'Ireland', 'ireland'),
  R(24, 'KH', 'Cambodia', 'cambodia'),
  R(25, 'LA', 'Laos', 'laos'),
  R(26, 'HT', 'Haiti', 'haiti'),
  R(27, 'CI', "Côte d'Ivoire", 'ivorycoast'),
  R(28, 'GM', 'Gambia', 'gambia'),
  R(29, 'RS', 'Serbia', 'serbia'),
  R(30, 'YE', 'Yemen', 'yemen'),
  R(31, 'ZA', 'South Africa', 'southafrica'),
  R(32, 'RO', 'Romania', 'romania'),
  R(33, 'CO', 'Colombia', 'colombia'),
  R(34, 'EE', 'Estonia', 'estonia'),
  R(35, 'AZ', 'Azerbaijan', 'azerbaijan'),
  R(36, 'CA', 'Canada', 'canada'),
  R(37, 'MA', 'Morocco', 'morocco'),
  R(38, 'GH', 'Ghana', 'ghana'),
  R(39, 'AR', 'Argentina', 'argentina'),
  R(40, 'UZ', 'Uzbekistan', 'uzbekistan'),
  R(41, 'CM', 'Cameroon', 'cameroon'),
  R(43, 'DE', 'Germany', 'germany'),
  R(44, 'LT', 'Lithuania', 'lithuania'),
  R(45, 'HR', 'Croatia', 'croatia'),
  R(46, 'SE', 'Sweden', 'sweden'),
  R(47, 'IQ', 'Iraq', 'iraq'),
  R(48, 'NL', 'Netherlands', 'netherlands'),
  R(49, 'LV', 'Latvia', 'latvia'),
  R(50, 'AT', 'Austria', 'austria'),
  R(51, 'BY', 'Belarus', 'belarus'),
  R(52, 'TH', 'Thailand', 'thailand'),
  R(53, 'SA', 'Saudi Arabia', 'saudiarabia'),
  R(54, 'MX', 'Mexico', 'mexico'),
  R(55, 'TW', 'Taiwan', 'taiwan'),
  R(56, 'ES', 'Spain', 'spain'),
  R(58, 'DZ', 'Algeria', 'algeria'),
  R(59, 'SI', 'Slovenia', 'slovenia'),
  R(60, 'BD', 'Bangladesh', 'bangladesh'),
  R(61, 'SN', 'Senegal', 'senegal'),
  R(62, 'TR', 'Turkey', 'turkey'),
  R(63, 'CZ', 'Czechia', 'czech'),
  R(64, 'LK', 'Sri Lanka', 'srilanka'),
  R(65, 'PE', 'Peru', 'peru'),
  R(66, 'PK', 'Pakistan', 'pakistan'),
  R(67, 'NZ', 'New Zealand', 'newzealand'),
  R(70, 'VE', 'Venezuela', 'venezuela'),
  R(71, 'ET', 'Ethiopia', 'ethiopia'),
  R(72, 'MN', 'Mongolia', 'mongolia'),
  R(73, 'BR', 'Brazil', 'brazil'),
  R(74, 'AF', 'Afghanistan', 'afghanistan'),
  R(75, 'UG', 'Uganda', 'uganda'),
  R(76, 'AO', 'Angola', 'angola'),
  R(77, 'CY', 'Cyprus', 'cyprus'),
  R(78, 'FR', 'France', 'france'),
  R(80, 'MZ', 'Mozambique', 'mozambique'),
  R(81, 'NP', 'Nepal', 'nepal'),
  R(82, 'BE', 'Belgium', 'belgium'),
  R(83, 'BG', 'Bulgaria', 'bulgaria'),
  R(84, 'HU', 'Hungary', 'hungary'),
  R(85, 'MD', 'Moldova', 'moldova'),
  R(86, 'IT', 'Italy', 'italy'),
  R(87, 'PY', 'Paraguay', 'paraguay'),
  R(88, 'HN', 'Honduras', 'honduras'),
  R(89, 'TN', 'Tunisia', 'tunisia'),
  R(90, 'NI', 'Nicaragua', 'nicaragua'),
  R(92, 'BO', 'Bolivia', 'bolivia'),
  R(93, 'CR', 'Costa Rica', 'costarica'),
  R(94, 'GT', 'Guatemala', 'guatemala'),
  R(95, 'AE', 'United Arab Emirates', 'uae'),
  R(96, 'ZW', 'Zimbabwe', 'zimbabwe'),
  R(97, 'PR', 'Puerto Rico', 'puertorico'),
  R(99, 'TG', 'Togo', 'togo'),
  R(100, 'KW', 'Kuwait', 'kuwait'),
  R(101, 'SV', 'El Salvador', 'salvador'),
  R(103, 'JM', 'Jamaica', 'jamaica'),
  R(104, 'TT', 'Trinidad and Tobago', 'trinidad'),
  R(105, 'EC', 'Ecuador', 'ecuador'),
  R(107, 'OM', 'Oman', 'oman'),
  R(108, 'BA', 'Bosnia and Herzegovina', 'bih'),
  R(109, 'DO', 'Dominican Republic', 'dominicana'),
  R(111, 'QA', 'Qatar', 'qatar'),
  R(112, 'PA', 'Panama', 'panama'),
  R(114, 'MR', 'Mauritania', 'mauritania'),
  R(116, 'JO', 'Jordan', 'jordan'),
  R(117, 'PT', 'Portugal', 'portugal'),
  R(128, 'GE', 'Georgia', 'georgia'),
  R(129, 'GR', 'Greece', 'greece'),
  R(141, 'SK', 'Slovakia', 'slovakia'),
  R(143, 'TJ', 'Tajikistan', 'tajikistan'),
  R(148, 'AM', 'Armenia', 'armenia'),
  R(151, 'CL', 'Chile', 'chile'),
  R(163, 'FI', 'Finland', 'finland'),
  R(172, 'DK', 'Denmark', 'denmark'),
  R(173, 'CH', 'Switzerland', 'switzerland'),
  R(174, 'NO', 'Norway', 'norway'),
  R(175, 'AU', 'Australia', 'australia'),
  R(182, 'JP', 'Japan', 'japan'),
  R(187, 'US', 'USA', 'usa'),
  R(190, 'KR', 'South Korea', 'southkorea'),
  R(196, 'SG', 'Singapore', 'singapore'),
];

const byId = new Map(COUNTRY_TABLE.map((c) => [c.id, c]));
const byFivesim = new Map(
  COUNTRY_TABLE.flatMap((c): [string, CountryRow][] => (c.fivesim ? [[c.fivesim, c]] : [])),
);

export function countryById(id: string): CountryRow | undefined {
  return byId.get(id);
}

export function countryByFivesimName(name: string): CountryRow | undefined {
  return byFivesim.get(name.toLowerCase());
}
