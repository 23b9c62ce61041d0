/**
 * Services in every provider's vocabulary: SMS-Activate code <-> 5sim product <-> name. The
 * SMS-Activate code is the app's shared service code (CODASMS and lib/services use it).
 *
 * Started from the BAS sites list (SMS-Activate codes of BAS sites, about 2021; a test keeps the
 * rows that exist there in agreement) and updated where codes were reassigned since or the
 * list had no 5sim slug (Apple, Signal, OpenAI). `fivesim: null` = not sold on 5sim as far as
 * we know.
 */
export interface ServiceRow {
  code: string;
  name: string;
  fivesim: string | null;
}

const R = (code: string, name: string, fivesim: string | null): ServiceRow => ({
  code,
  name,
  fivesim,
});

export const SERVICE_TABLE: readonly ServiceRow[] = [
  R('go', 'Google', 'google'),
  R('tg', 'Telegram', 'telegram'),
  R('wa', 'WhatsApp', 'whatsapp'),
  R('ds', 'Discord', 'discord'),
  R('tw', 'Twitter/X', 'twitter'),
  R('ig', 'Instagram', 'instagram'),
  R('fb', 'Facebook', 'facebook'),
  R('mm', 'Microsoft', 'microsoft'),
  R('am', 'Amazon', 'amazon'),
  R('wx', 'Apple', 'apple'),
  R('oi', 'Tinder', 'tinder'),
  R('lf', 'TikTok', 'tiktok'),
  R('nf', 'Netflix', 'netflix'),
  R('ub', 'Uber', 'uber'),
  R('ts', 'PayPal', 'paypal'),
  R('tn', 'LinkedIn', 'linkedin'),
  R('fu', 'Snapchat', 'snapchat'),
  R('dh', 'eBay', 'ebay'),
  R('mt', 'Steam', 'steam'),
  R('vi', 'Viber', 'viber'),
  R('wb', 'WeChat', 'wechat'),
  R('vk', 'VK', 'vkontakte'),
  R('ya', 'Yandex', 'yandex'),
  R('kt', 'KakaoTalk', 'kakaotalk'),
  R('me', 'LINE', 'line'),
  R('re', 'Coinbase', 'coinbase'),
  R('uk', 'Airbnb', 'airbnb'),
  R('av', 'Avito', 'avito'),
  R('ok', 'Odnoklassniki', 'odnoklassniki'),
  R('ma', 'Mail.ru', 'mailru'),
  R('mb', 'Yahoo', 'yahoo'),
  R('bw', 'Signal', 'signal'),
  R('dr', 'OpenAI', 'openai'),
  R('nv', 'Naver', 'naver'),
  R('ka', 'Shopee', 'shopee'),
  R('qq', 'Tencent QQ', 'tencentqq'),
  R('im', 'Imo', 'imo'),
  R('zh', 'Zoho', 'zoho'),
  R('dp', 'ProtonMail', 'proton'),
  R('qr', 'MEGA', 'mega'),
  R('bl', 'BIGO LIVE', 'bigolive'),
  R('sg', 'OZON', 'ozon'),
  R('ua', 'BlaBlaCar', 'blablacar'),
  R('ab', 'Alibaba', 'alibaba'),
  R('hw', 'AliPay', 'alipay'),
  R('tl', 'Truecaller', 'truecaller'),
  R('nz', 'Foodpanda', 'foodpanda'),
  R('kf', 'Weibo', 'weibo'),
  R('za', 'JD.com', 'jd'),
  R('xv', 'Wish', 'wish'),
  R('zk', 'Deliveroo', 'deliveroo'),
  R('ew', 'Nike', 'nike'),
  R('yw', 'Grindr', 'grindr'),
  R('bz', 'Blizzard', 'blizzard'),
  R('xk', 'DiDi', 'didi'),
  R('pr', 'Trendyol', 'trendyol'),
  R('wc', 'Craigslist', 'craigslist'),
  R('jg', 'Grab', 'grabtaxi'),
  R('mj', 'Zalo', 'zalo'),
  R('xr', 'Tango', 'tango'),
  R('zm', 'OfferUp', 'offerup'),
  R('ul', 'Getir', 'getir'),
  R('an', 'Adidas', 'adidas'),
  R('qd', 'Taobao', 'taobao'),
  R('dl', 'Lazada', 'lazada'),
  R('cn', 'Fiverr', 'fiverr'),
  R('vp', 'Kwai', 'kwai'),
  R('mc', 'MiChat', 'michat'),
  R('ls', 'Careem', 'careem'),
  R('ot', 'Other', 'other'),
];

const byCode = new Map(SERVICE_TABLE.map((s) => [s.code, s]));
const byFivesim = new Map(
  SERVICE_TABLE.flatMap((s): [string, ServiceRow][] => (s.fivesim ? [[s.fivesim, s]] : [])),
);

export function serviceByCode(code: string): ServiceRow | undefined {
  return byCode.get(code);
}

export function serviceByFivesimProduct(product: string): ServiceRow | undefined {
  return byFivesim.get(product.toLowerCase());
}
