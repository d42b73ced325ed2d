/**
 * A validation issue's message in a language. zod writes one message when it
 * parses, in the language configured globally (English); the request's
 * language is only known later, so the issue is written again here with the
 * locale zod ships for that language. A message a schema wrote itself is
 * kept in English and, in another language, replaced by what the catalogue
 * says for the domain code the issue names, or else by zod's own wording.
 */
import { z } from 'zod';
import { DOMAIN_ERRORS, type DomainErrorCode } from '../../commands/errors.ts';
import type { Language } from './language.ts';
import type { Messages } from './messages.ts';

type ErrorMap = z.core.$ZodErrorMap;

const LOCALES: Readonly<Record<Language, ErrorMap>> = {
  zh: z.locales.zhCN().localeError as ErrorMap,
  en: z.locales.en().localeError as ErrorMap,
};

function written(map: ErrorMap, issue: z.core.$ZodIssue): string | undefined {
  const message = map(issue as unknown as z.core.$ZodRawIssue);
  return typeof message === 'string' ? message : message?.message;
}

/** The domain code a schema's custom issue names (`params: issueCode(...)`), if any. */
export function issueCodeOf(issue: z.core.$ZodIssue): DomainErrorCode | undefined {
  const code = (issue as { params?: { code?: unknown } }).params?.code;
  return typeof code === 'string' && code in DOMAIN_ERRORS ? (code as DomainErrorCode) : undefined;
}

/** `issue` as parsed with `reportInput`, so that a type mismatch can name what it received. */
export function issueMessage(issue: z.core.$ZodIssue & { input?: unknown }, language: Language, messages: Messages<string>): string {
  const code = issueCodeOf(issue);
  const ownWording = issue.message !== written(LOCALES.en, issue);
  if (language === 'en') return issue.message;
  if (code !== undefined) return messages.domain[code];
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && 'input' in issue && issue.input === undefined;
  if (!ownWording && missing) return messages.phrases.required;
  return written(LOCALES[language], issue) ?? messages.phrases.invalidField;
}
