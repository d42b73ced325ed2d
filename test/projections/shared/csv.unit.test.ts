import t from 'tap';
import { csvField, csvLine } from '../../../projections/shared/csv.ts';

t.test('fields are quoted as RFC 4180 says', async (t) => {
  t.equal(csvField('plain'), 'plain');
  t.equal(csvField('a,b'), '"a,b"');
  t.equal(csvField('say "hi"'), '"say ""hi"""');
  t.equal(csvField('two\nlines'), '"two\nlines"');
  t.equal(csvLine(['a', 1, 'b']), 'a,1,b\r\n');
});

t.test('a text cell a spreadsheet would evaluate is written as text', async (t) => {
  for (const [text, written] of [
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ] as const) {
    t.equal(csvField(text), written, JSON.stringify(text));
  }
  t.equal(csvField('a=b'), 'a=b', 'only a leading character matters');
  t.equal(csvField(-5), '-5', 'numbers stay numbers');
});
