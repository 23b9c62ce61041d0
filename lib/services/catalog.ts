/** A service people verify phones for, its SMS-Activate code and the domains it signs up on. */
export interface CatalogService {
  code: string;
  name: string;
  /** Registrable domains; the first is the main one. */
  domains: readonly string[];
}

// TODO(issue 6): grow to 150+ services with aliases and 5sim product names.
export const CATALOG: readonly CatalogService[] = [
  { code: 'go', name: 'Google', domains: ['google.com', 'youtube.com', 'gmail.com'] },
  { code: 'tg', name: 'Telegram', domains: ['telegram.org', 't.me'] },
  { code: 'wa', name: 'WhatsApp', domains: ['whatsapp.com'] },
  { code: 'ds', name: 'Discord', domains: ['discord.com', 'discord.gg'] },
  { code: 'tw', name: 'Twitter / X', domains: ['x.com', 'twitter.com'] },
  { code: 'ig', name: 'Instagram', domains: ['instagram.com'] },
  { code: 'fb', name: 'Facebook', domains: ['facebook.com', 'messenger.com'] },
  { code: 'mm', name: 'Microsoft', domains: ['microsoft.com', 'live.com', 'outlook.com'] },
  { code: 'am', name: 'Amazon', domains: ['amazon.com', 'amazon.co.uk', 'amazon.de'] },
  { code: 'wx', name: 'Apple', domains: ['apple.com', 'icloud.com'] },
  { code: 'oi', name: 'Tinder', domains: ['tinder.com'] },
  { code: 'lf', name: 'TikTok', domains: ['tiktok.com'] },
  { code: 'nf', name: 'Netflix', domains: ['netflix.com'] },
  { code: 'ub', name: 'Uber', domains: ['uber.com'] },
  { code: 'ts', name: 'PayPal', domains: ['paypal.com'] },
  { code: 'tn', name: 'LinkedIn', domains: ['linkedin.com'] },
  { code: 'fu', name: 'Snapchat', domains: ['snapchat.com'] },
  { code: 'dh', name: 'eBay', domains: ['ebay.com'] },
  { code: 'mt', name: 'Steam', domains: ['steampowered.com', 'steamcommunity.com'] },
  { code: 'vi', name: 'Viber', domains: ['viber.com'] },
  { code: 'wb', name: 'WeChat', domains: ['wechat.com'] },
  { code: 'vk', name: 'VK', domains: ['vk.com'] },
  { code: 'ya', name: 'Yandex', domains: ['yandex.ru', 'yandex.com'] },
  { code: 'kt', name: 'KakaoTalk', domains: ['kakao.com'] },
  { code: 'me', name: 'LINE', domains: ['line.me'] },
  { code: 're', name: 'Coinbase', domains: ['coinbase.com'] },
  { code: 'uk', name: 'Airbnb', domains: ['airbnb.com'] },
];

export function serviceByCode(code: string): CatalogService | undefined {
  return CATALOG.find((s) => s.code === code);
}
