/** The two languages every user-visible string exists in. */
export type Lang = 'en' | 'zh';

/** A user-visible text in both languages; `{name}` placeholders are filled by {@link fmt}. */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * Fills `{key}` placeholders of the text for `lang`.
 * Unknown placeholders stay as they are so a missing parameter is visible rather than silently blank.
 */
export function fmt(text: Bilingual, lang: Lang, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

/**
 * Picks the product language from an Office/BCP-47 locale tag ("zh-CN", "zh-Hans", "en-US").
 * Any Chinese locale gets Chinese; everything else English.
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale && /^zh\b/i.test(locale.trim()) ? 'zh' : 'en';
}
