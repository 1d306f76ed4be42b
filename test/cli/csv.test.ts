/** Reading CSV: the delimiter, quoting, line numbers, and parse errors with row and column. */
import { knownColumns, normalizeTable } from '../../cli/columns';
import { chooseDelimiter, parseCsv } from '../../cli/csv';
import { FIELDS } from '../../src/core/catalogue';

const responsesScore = (header: readonly string[]) => knownColumns('responses', header);

describe('parseCsv', () => {
  it('tells a semicolon file from a comma one even when the titles are full of commas', () => {
    // The form's titles that have commas inside, separated by semicolons: counting the
    // characters of the header would take the comma.
    const fields = FIELDS.filter((f) => f.code === 'school_id' || f.label.includes(','));
    const titles = fields.map((f) => f.label);
    const header = titles.join(';');
    expect(header.split(',').length).toBeGreaterThan(header.split(';').length);
    const text = `${header}\n${titles.map((_, i) => String(i)).join(';')}\n`;
    expect(chooseDelimiter(text, responsesScore)).toBe(';');
    const table = normalizeTable(parseCsv(text, 'r.csv', responsesScore), 'responses');
    expect(table.header).toEqual(fields.map((f) => f.code));
    expect(table.unknown).toEqual([]);
  });

  it('reads a comma file with quoted titles that contain semicolons and commas', () => {
    const text = 'school_id,"a; b, c",name\n0012,"x; y",Школа\n';
    const table = parseCsv(text, 'r.csv');
    expect(table.header).toEqual(['school_id', 'a; b, c', 'name']);
    expect(table.rows[0].record).toEqual({ school_id: '0012', 'a; b, c': 'x; y', name: 'Школа' });
  });

  it('keeps school codes as text: leading zeros survive', () => {
    const table = parseCsv('school_id;name\n0012;A\n007;B\n', 'r.csv');
    expect(table.rows.map((r) => r.record.school_id)).toEqual(['0012', '007']);
  });

  it('numbers rows by the line they start on, across quoted line breaks and blank lines', () => {
    const text = 'school_id,comment\n0001,"two\nlines"\n\n0002,ok\n';
    const table = parseCsv(text, 'r.csv');
    expect(table.rows.map((r) => [r.line, r.record.comment])).toEqual([
      [2, 'two\nlines'],
      [5, 'ok'],
    ]);
  });

  it('reads a stray quote inside a field as text, as Excel does', () => {
    const table = parseCsv('school_id;name\n0001;МБОУ "СОШ № 1"\n', 'r.csv');
    expect(table.rows[0].record.name).toBe('МБОУ "СОШ № 1"');
  });

  it('stops at a quote never closed, naming the row it opens on and its column', () => {
    const text = 'school_id,name,email\n0001,A,a@x.ru\n0002,"B,b@x.ru\n0003,C,c@x.ru\n';
    expect(() => parseCsv(text, 'registry.csv')).toThrow(
      'Файл «registry.csv», строка 3, столбец «name»: кавычка открыта, но не закрыта до конца файла',
    );
  });

  it('trims values and header cells, and strips a BOM left in the text', () => {
    const table = parseCsv('\uFEFF school_id , name \n 0001 , A \n', 'r.csv');
    expect(table.header).toEqual(['school_id', 'name']);
    expect(table.rows[0].record).toEqual({ school_id: '0001', name: 'A' });
  });
});
