import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { PartnerSideBody } from '../../commands/partnership/index.ts';

/**
 * The demo's tables are files in `data/` (its README says what each holds),
 * each checked by a zod schema when the module that uses it loads. A bad
 * value stops the demo before anything is written, naming the file, the row
 * or path, and the field.
 */
export class DemoDataError extends Error {
  override readonly name = 'DemoDataError';
}

const read = (file: string) => readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');

const pathOf = (path: readonly PropertyKey[]) => (path.length === 0 ? 'the top level' : path.map(String).join('.'));

/** A JSON table from its text; `file` names it in errors. */
export function parseJsonTable<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DemoDataError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `at ${pathOf(issue.path)}: ${issue.message}`);
    throw new DemoDataError(`${file}: ${problems.join('; ')}`);
  }
  return result.data;
}

/**
 * A CSV table from its text: a header line, then one record per row, each
 * checked by `row` (whose keys are the column names). Rows count from 1,
 * the first after the header.
 */
export function parseCsvTable<S extends z.ZodType>(file: string, text: string, row: S): z.output<S>[] {
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(text, { columns: true, bom: true, skip_empty_lines: true });
  } catch (error) {
    throw new DemoDataError(`${file} is not valid CSV: ${(error as Error).message}`);
  }
  return records.map((record, index) => {
    const result = row.safeParse(record);
    if (result.success) return result.data;
    const problems = result.error.issues.map((issue) =>
      issue.path.length === 0 ? issue.message : `field ${pathOf(issue.path)}: ${issue.message}`,
    );
    throw new DemoDataError(`${file}, row ${index + 1}: ${problems.join('; ')}`);
  });
}

export const jsonTable = <S extends z.ZodType>(file: string, schema: S): z.output<S> => parseJsonTable(file, read(file), schema);
export const csvTable = <S extends z.ZodType>(file: string, row: S): z.output<S>[] => parseCsvTable(file, read(file), row);

/** A partner country as the API accepts it: ISO 3166-1 alpha-2 of a state the PRC has relations with. */
export const partnerCountry = PartnerSideBody.shape.country;

/** A whole number written in a CSV field. */
export const csvInt = () =>
  z
    .string()
    .regex(/^\d+$/, 'a whole number')
    .transform((digits) => Number(digits));

/** A weighted list for `Random.weighted`: `[item, weight]` pairs, in the order they are drawn from. */
export const weights = <T extends z.ZodType>(item: T) => z.array(z.tuple([item, z.number().positive()])).min(1);

/** A title with `{local}` and `{partner}` standing for the two sides' English names. */
export const titleTemplate = () =>
  z
    .string()
    .min(1)
    .refine((title) => /^(?:[^{}]|\{local\}|\{partner\})*$/.test(title), 'only {local} and {partner} may stand in braces');

/** The reason a value was chosen, kept next to it (JSON has no comments). */
export const why = () => z.string().min(1);

/** An object whose `why` says why its values were chosen; the values come without it. */
export const explained = <S extends z.ZodRawShape>(shape: S) =>
  z
    .looseObject({ why: why() })
    .transform(({ why: _reason, ...values }) => values)
    .pipe(z.strictObject(shape));
