import { z } from 'zod';
import type { Language } from '../i18n/language.ts';
import { VOCABULARIES, type VocabularyName } from '../i18n/vocabulary.ts';

type Labels<N extends VocabularyName> = Record<N, Record<string, string>>;

const built = new Map<string, Labels<VocabularyName>>();

/**
 * The labels, in one language, of the vocabularies a dashboard answer shows
 * codes of: `{ partnershipKind: { sister: '友好城市（友好省州）', … }, … }`,
 * by the names `GET /vocabulary` uses. The codes in the answer stay as they are.
 */
export function labelsFor<N extends VocabularyName>(names: readonly N[], language: Language): Labels<N> {
  const key = `${language} ${names.join(' ')}`;
  let labels = built.get(key);
  if (labels === undefined) {
    labels = Object.fromEntries(
      names.map((name) => {
        const { values, labels: byCode } = VOCABULARIES[name] as { values: readonly string[]; labels: Record<string, Record<Language, string>> };
        return [name, Object.fromEntries(values.map((code) => [code, byCode[code]?.[language] ?? code]))];
      }),
    ) as Labels<VocabularyName>;
    built.set(key, labels);
  }
  return labels as Labels<N>;
}

/** An answer schema with the `labels` its route adds, for the OpenAPI document. */
export function withLabels<A extends z.ZodObject, N extends VocabularyName>(answer: A, names: readonly N[]) {
  const labels = z
    .object(Object.fromEntries(names.map((name) => [name, z.record(z.string(), z.string())])) as Record<N, z.ZodRecord<z.ZodString, z.ZodString>>)
    .describe('The labels of the codes this answer shows, in the language of the answer (Accept-Language or ?lang), by vocabulary as in GET /vocabulary');
  return answer.extend({ labels });
}
