// Inline stylesheet for the demo pages: a centred card in the brand colour, system font,
// light and dark schemes. Button/link colours are picked for contrast (Snapchat yellow,
// X and Uber black would otherwise vanish on a white or dark card).

const LIGHT_CARD = '#ffffff';
const DARK_CARD = '#1e1f22';
const LIGHT_TEXT = '#1f2328';
const DARK_TEXT = '#e8e9eb';

function channels(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [0, 0, 0];
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const bestText = (bg: string): string =>
  contrast(bg, '#ffffff') >= contrast(bg, '#111111') ? '#ffffff' : '#111111';

export interface Palette {
  brand: string;
  onBrand: string;
  accent: string;
  brandDark: string;
  onBrandDark: string;
  accentDark: string;
}

export function paletteFor(color: string): Palette {
  const brandDark = contrast(color, DARK_CARD) >= 1.8 ? color : DARK_TEXT;
  return {
    brand: color,
    onBrand: bestText(color),
    accent: contrast(color, LIGHT_CARD) >= 3 ? color : LIGHT_TEXT,
    brandDark,
    onBrandDark: bestText(brandDark),
    accentDark: contrast(color, DARK_CARD) >= 3 ? color : DARK_TEXT,
  };
}

export function stylesheet(p: Palette): string {
  return `
:root{color-scheme:light dark;--bg:#f2f3f5;--card:${LIGHT_CARD};--text:${LIGHT_TEXT};--muted:#59636e;
--border:#c9d1d9;--err:#b42318;--err-bg:#fef3f2;--ok:#067647;--ok-bg:#ecfdf3;
--brand:${p.brand};--on-brand:${p.onBrand};--accent:${p.accent}}
@media (prefers-color-scheme:dark){:root{--bg:#111214;--card:${DARK_CARD};--text:${DARK_TEXT};
--muted:#a3a8b0;--border:#3f434a;--err:#ffb4ab;--err-bg:#3a1d1b;--ok:#7ee2a8;--ok-bg:#123322;
--brand:${p.brandDark};--on-brand:${p.onBrandDark};--accent:${p.accentDark}}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
background:var(--bg);color:var(--text)}
[hidden]{display:none!important}
.top{width:100%;background:var(--card);border-bottom:1px solid var(--border)}
.top nav{max-width:720px;margin:0 auto;padding:10px 16px;display:flex;flex-wrap:wrap;gap:6px 18px;
font-size:14px}
.top nav a{color:var(--muted);text-decoration:none;padding:2px 0;border-bottom:2px solid transparent}
.top nav a:hover{color:var(--text)}
.top nav a[aria-current="page"]{color:var(--text);font-weight:600;border-bottom-color:var(--accent)}
main.card{width:calc(100% - 32px);max-width:420px;margin:40px 16px;padding:28px 28px 24px;
background:var(--card);border:1px solid var(--border);border-top:5px solid var(--brand);
border-radius:14px;box-shadow:0 8px 28px rgba(0,0,0,.08)}
.logo{width:48px;height:48px;border-radius:50%;display:grid;place-items:center;margin-bottom:12px;
background:var(--brand);color:var(--on-brand);font-weight:700;font-size:22px;
border:1px solid rgba(127,127,127,.35)}
h1{font-size:1.45rem;line-height:1.25;margin:0 0 6px}
h2{font-size:1.1rem;margin:18px 0 4px}
p{margin:6px 0}
.muted{color:var(--muted);font-size:.95rem}
label{display:block;font-weight:600;margin:16px 0 6px}
input,select{width:100%;padding:10px 12px;font:inherit;color:var(--text);background:var(--card);
border:1px solid var(--border);border-radius:8px}
input:focus,select:focus{outline:2px solid var(--accent);outline-offset:1px;border-color:var(--accent)}
.digits{display:flex;gap:8px;justify-content:space-between;margin-top:12px}
.digits input{width:100%;max-width:3.1rem;height:3.4rem;padding:0;text-align:center;
font-size:1.5rem;font-variant-numeric:tabular-nums}
button{font:inherit;cursor:pointer}
button:disabled{cursor:progress;opacity:.65}
.primary{display:block;width:100%;margin-top:18px;padding:11px 14px;border-radius:8px;
font-weight:600;background:var(--brand);color:var(--on-brand);border:1px solid rgba(127,127,127,.35)}
.primary:hover{filter:brightness(1.07)}
.primary:focus-visible,.link:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.link{background:none;border:0;padding:0;color:var(--accent);text-decoration:underline;font-weight:600}
.actions{margin-top:12px;font-size:.95rem}
.sent{margin-top:14px}
.error{color:var(--err);font-size:.95rem}
.error:not(:empty){margin-top:14px;padding:10px 12px;background:var(--err-bg);border-radius:8px}
.status{color:var(--ok);font-weight:700}
.status:not(:empty){margin-top:14px;padding:10px 12px;border-radius:8px;background:var(--ok-bg)}
.status:not(:empty)::before{content:"\\2713\\00a0"}
.done h2{margin-top:8px}
footer{color:var(--muted);font-size:12px;margin-bottom:24px;text-align:center;padding:0 16px}
`;
}
