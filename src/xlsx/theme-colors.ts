import type ExcelJS from 'exceljs';

/**
 * Theme colours as plain RGB, so a theme-coloured fill or font can be saved in the shared `#RRGGBB`
 * form the Excel add-in restores (Office.js only ever speaks RGB). Excel numbers theme colours
 * lt1, dk1, lt2, dk2, accent1…6, hlink, folHlink, and lightens or darkens them by a tint in HLS space.
 */

const SCHEME_ORDER = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** The workbook's theme palette as "RRGGBB" by theme index; null when the file carries no theme. */
export function themePalette(workbook: ExcelJS.Workbook): string[] | null {
  const themes = (workbook as unknown as { _themes?: Record<string, unknown> })._themes;
  const xml = themes && typeof themes.theme1 === 'string' ? themes.theme1 : null;
  return xml ? paletteFromThemeXml(xml) : null;
}

/** The palette of a theme part's XML as "RRGGBB" by theme index; null when it lacks a colour. */
export function paletteFromThemeXml(xml: string): string[] | null {
  const palette: string[] = [];
  for (const key of SCHEME_ORDER) {
    const m = new RegExp(`<a:${key}>\\s*<a:(?:srgbClr val="([0-9A-Fa-f]{6})"|sysClr [^>]*lastClr="([0-9A-Fa-f]{6})")`).exec(xml);
    if (!m) return null;
    palette.push((m[1] ?? m[2]).toUpperCase());
  }
  return palette;
}

/** Excel's tint: negative darkens (L × (1 + tint)), positive lightens (L × (1 − tint) + tint), in HLS. */
export function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb.toUpperCase();
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  const d = max - min;
  if (d !== 0) {
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    if (max === r) h = ((g - b) / d + (g < b ? 6 : 0)) / 6;
    else if (max === g) h = ((b - r) / d + 2) / 6;
    else h = ((r - g) / d + 4) / 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  let out: number[];
  if (s === 0) out = [l, l, l];
  else {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    out = [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  }
  return out.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** "#RRGGBB" for an exceljs colour (ARGB or theme + tint); null when it has no RGB meaning here. */
export function colorHex(color: Partial<ExcelJS.Color> | undefined, palette: readonly string[] | null): string | null {
  if (!color) return null;
  if (typeof color.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(color.argb)) return `#${color.argb.slice(2).toUpperCase()}`;
  const theme = (color as { theme?: unknown }).theme;
  const tint = (color as { tint?: unknown }).tint;
  if (typeof theme === 'number' && palette && palette[theme]) return `#${applyTint(palette[theme], typeof tint === 'number' ? tint : 0)}`;
  return null;
}
