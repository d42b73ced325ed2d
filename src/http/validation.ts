import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** A failing check as fastify carries it in `error.validation`, with zod's issue kept whole. */
export interface ZodValidationEntry {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  message: string;
  params: { issue: z.core.$ZodIssue };
}

/**
 * Validates requests with their zod schemas, keeping each failing issue with
 * the input it refused so that the error handler can write its message in the
 * request's language (the type provider's own compiler keeps only the
 * message, already written in English).
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const entries: ZodValidationEntry[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.join('/')}`,
      schemaPath: `#/${issue.path.join('/')}/${issue.code}`,
      message: issue.message,
      params: { issue },
    }));
    return { error: entries as unknown as Error };
  };

export function isZodValidationEntry(entry: unknown): entry is ZodValidationEntry {
  const issue = (entry as { params?: { issue?: { code?: unknown; path?: unknown } } } | null)?.params?.issue;
  return typeof issue?.code === 'string' && Array.isArray(issue.path);
}
