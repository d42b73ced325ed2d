/**
 * What free text in a command may hold. Stored text is hashed into the audit
 * chain (RFC 8785 needs well-formed Unicode), exported to CSV and Excel and
 * shown in office tools, so it is refused at the door when it could not be
 * hashed or could hide what it says: lone surrogates, control characters
 * other than tab and line breaks, and the bidirectional overrides and
 * isolates of "Trojan Source" (CVE-2021-42574).
 */

/** C0 controls but tab and line feed, DEL, C1 controls, bidirectional embeddings, overrides and isolates. */
const REFUSED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** In a `u` regex a surrogate pair is one code point, so only lone surrogates match (what String#isWellFormed refuses). */
const LONE_SURROGATE = /\p{Cs}/u;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text may not be stored, or undefined when it may. */
export function textProblem(value: string): string | undefined {
  const at = (index: number) => `at character ${[...value.slice(0, index)].length + 1}`;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `is not well-formed Unicode: a lone surrogate ${at(surrogate.index)}`;
  // A carriage return is allowed only as part of CR LF; the replacement keeps every index.
  const found = REFUSED.exec(value.replace(/\r\n/g, '\n\n'));
  if (!found) return undefined;
  const char = found[0];
  const where = at(found.index);
  if (char >= '\u202a') {
    return `must not contain the bidirectional control ${codePoint(char)} (${where}): it can make text display differently from what it says`;
  }
  return `must not contain the control character ${codePoint(char)} (${where}); only tab, line feed and CR LF are allowed`;
}

/**
 * Text as names are compared: case, accents, punctuation and spacing do not
 * matter, so "Sao Paulo", "São Paulo" and "são-paulo" are one. Chinese has
 * none of these and is kept as it is.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[\p{P}\p{S}\s]/gu, '');
}
