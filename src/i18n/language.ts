/**
 * The languages the service answers in: Simplified Chinese first, the
 * language of the office, and English on request. Codes, enum values and
 * field paths never change with the language; only texts meant for people do.
 */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'zh';

/** The `Content-Language` of an answer in each language (RFC 9110 §8.5, BCP 47 tags). */
export const CONTENT_LANGUAGE: Readonly<Record<Language, string>> = { zh: 'zh-CN', en: 'en' };

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The language a BCP 47 tag asks for, by its primary subtag (`en-US` → `en`, `zh-Hans-CN` → `zh`). */
function languageOfTag(tag: string): Language | undefined {
  const primary = tag.split('-', 1)[0] as string;
  return isLanguage(primary) ? primary : undefined;
}

/**
 * The best of our languages for an `Accept-Language` header (RFC 9110
 * §12.5.4): ranges by descending weight, ties in the order given, `q=0`
 * meaning "not this one"; a wildcard or nothing we speak gives the default.
 * No parsing library is among the service's dependencies, and the header's
 * grammar is this small.
 */
export function fromAcceptLanguage(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [range = '', ...parameters] = part.trim().toLowerCase().split(';');
      const weight = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = weight === undefined ? 1 : Number(weight.slice(2));
      return { range: range.trim(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter(({ range, q }) => range.length > 0 && q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { range } of ranges) {
    if (range === '*') return DEFAULT_LANGUAGE;
    const language = languageOfTag(range);
    if (language !== undefined) return language;
  }
  return DEFAULT_LANGUAGE;
}

/** `?lang=zh|en` (for links and downloads, where no header can be set) wins over the header; anything else is ignored. */
export function negotiateLanguage(acceptLanguage: string | undefined, lang: string | undefined): Language {
  const asked = lang?.toLowerCase();
  if (asked !== undefined && isLanguage(asked)) return asked;
  return fromAcceptLanguage(acceptLanguage);
}
