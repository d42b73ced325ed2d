import { z } from 'zod';
import { issueCode } from '../errors.ts';
import { divisionProblem } from './divisions.ts';
import { textProblem } from './text.ts';

/** A string of well-formed Unicode without control characters (but tab and line breaks) or bidirectional controls. */
export const plainText = () =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, params: issueCode('text-invalid') });
  });

/** A non-blank, trimmed plain text of at most `max` characters. */
export const text = (max: number) => plainText().trim().min(1).max(max);

/** An ISO 8601 calendar date (YYYY-MM-DD) that exists, e.g. not 2021-02-30. */
export const isoDate = () => z.iso.date();

export const uuid = () => z.uuid();

/**
 * Fields every command body accepts. `date` is when the fact happened, in
 * China Standard Time; the decider fills in today when it is absent.
 */
export const commonFields = {
  date: isoDate().describe('The day the fact happened (YYYY-MM-DD, China Standard Time); defaults to today').optional(),
  notes: plainText().max(2000).describe('Free-text remarks kept with the event').optional(),
};

/** Creating bodies may carry the client's own aggregate id (see DESIGN §7). */
export const clientIdField = {
  id: uuid().describe('Client-chosen id of the new aggregate; the server generates one when absent').optional(),
};

/** A Shandong division code; Laiwu and codes outside the 16 cities are rejected with a reason. */
export const divisionCode = () =>
  z
    .string()
    .regex(/^\d{6}$/, { message: 'a 6-digit division code', abort: true })
    .superRefine((code, ctx) => {
      const problem = divisionProblem(code);
      if (problem === undefined) return;
      ctx.addIssue({ code: 'custom', message: problem, params: issueCode('division-invalid') });
    })
    .describe('GB/T 2260 code: 370000 (province), 37CC00 (one of the 16 cities) or 37CCXX (a county or district)');

/**
 * Reports the second and later occurrences of a value, at its own index, so
 * a client sees exactly which entry to remove.
 */
export function reportDuplicates(values: readonly string[], ctx: z.RefinementCtx, message: string): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', message, path: [index], params: issueCode('duplicate') });
    seen.add(value);
  });
}

/**
 * Builds a command union from a map of body schemas so the HTTP routes, the
 * OpenAPI document and the decider can never disagree about a body's shape.
 */
export type CommandOf<Schemas extends Record<string, z.ZodType>> = {
  [Type in keyof Schemas & string]: { type: Type; id: string; data: z.infer<Schemas[Type]> };
}[keyof Schemas & string];
