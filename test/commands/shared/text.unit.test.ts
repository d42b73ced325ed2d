import t from 'tap';
import type { z } from 'zod';
import { campaignCommandSchemas } from '../../../commands/campaign/index.ts';
import { partnershipCommandSchemas } from '../../../commands/partnership/index.ts';
import { projectCommandSchemas } from '../../../commands/project/index.ts';
import { reportCommandSchemas } from '../../../commands/report/index.ts';
import { text } from '../../../commands/shared/schemas.ts';
import { textProblem } from '../../../commands/shared/text.ts';
import { issues } from '../issues.ts';

const REFUSED: [string, string, RegExp][] = [
  ['a lone high surrogate', 'x\ud800y', /lone surrogate at character 2/],
  ['a lone low surrogate', 'x\udc00', /lone surrogate at character 2/],
  ['a high surrogate at the end', '济南\ud83d', /lone surrogate at character 3/],
  ['NUL', 'a\u0000b', /control character U\+0000 \(at character 2\)/],
  ['a bell', 'a\u0007', /U\+0007/],
  ['escape', '\u001b[31mred', /U\+001B \(at character 1\)/],
  ['a lone carriage return', 'a\rb', /U\+000D/],
  ['a vertical tab', 'a\u000bb', /U\+000B/],
  ['DEL', 'a\u007f', /U\+007F/],
  ['a C1 control', 'a\u0085b', /U\+0085/],
  ['the last C1 control', 'a\u009f', /U\+009F/],
  ['a right-to-left override', 'abc\u202Efdp.exe', /bidirectional control U\+202E \(at character 4\)/],
  ['a left-to-right embedding', '\u202Aa', /U\+202A/],
  ['a first-strong isolate', 'a\u2068b\u2069', /U\+2068/],
  ['a pop directional isolate', 'a\u2069', /U\+2069/],
];

const ACCEPTED: [string, string][] = [
  ['plain text', 'Delegation visit to Dakar'],
  ['Chinese', '友好城市 济南市'],
  ['a pair outside the BMP', 'thanks 😀 𠀀'],
  ['tabs and line feeds', 'line one\n\tline two\n'],
  ['CR LF line breaks', 'line one\r\nline two\r\n'],
  ['Arabic, right to left by itself', 'داكار'],
  ['a right-to-left mark, which overrides nothing', 'a\u200Fb'],
];

t.test('text that could not be hashed or could hide what it says is refused, with a reason', async (t) => {
  for (const [name, value, reason] of REFUSED) t.match(textProblem(value), reason, name);
  for (const [name, value] of ACCEPTED) t.equal(textProblem(value), undefined, name);
});

t.test('a text field names the check that failed', async (t) => {
  t.strictSame(issues(text(100), 'x\ud800y').codes, [': text-invalid']);
  t.strictSame(issues(text(100), '  ok  ').codes, []);
  t.strictSame(issues(text(100), ' \u0000 ').codes, [': text-invalid']);
});

/** Every string field of a body schema, by its path, reaching through objects, arrays, optionals and unions. */
function stringFields(schema: z.core.$ZodType, path: string): [string, z.core.$ZodType][] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'string':
      return [[path, schema]];
    case 'object':
      return Object.entries(def.shape as Record<string, z.core.$ZodType>).flatMap(([key, field]) => stringFields(field, `${path}.${key}`));
    case 'array':
      return stringFields(def.element as z.core.$ZodType, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
      return stringFields(def.innerType as z.core.$ZodType, path);
    case 'union':
      return (def.options as z.core.$ZodType[]).flatMap((option) => stringFields(option, path));
    default:
      return [];
  }
}

t.test('every string field of every command body refuses what the text rule refuses', async (t) => {
  const bodies = { ...partnershipCommandSchemas, ...projectCommandSchemas, ...campaignCommandSchemas, ...reportCommandSchemas };
  const fields = Object.entries(bodies).flatMap(([command, body]) => stringFields(body, command));
  t.ok(fields.length > 30, `found the string fields (${fields.length})`);
  for (const [path, field] of fields) {
    for (const [name, value] of REFUSED) {
      const result = (field as z.ZodType).safeParse(`Dakar ${value}`);
      t.notOk(result.success, `${path} refuses ${name}`);
    }
  }
});
