import type { z } from 'zod';

/**
 * A body's validation issues as `path: code`, where code is a custom issue's
 * `params.code` or zod's own issue code, and their messages joined.
 */
export function issues(schema: z.ZodType, body: unknown): { codes: string[]; messages: string } {
  const result = schema.safeParse(body);
  if (result.success) return { codes: [], messages: '' };
  return {
    codes: result.error.issues.map((issue) => {
      const custom = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
      return `${issue.path.join('.')}: ${custom ?? issue.code}`;
    }),
    messages: result.error.issues.map((issue) => issue.message).join('\n'),
  };
}
