/** Which column is which: codes, the add-on's own titles, the form's questions, aliases. */
import { columnCode, normalizeTable } from '../../cli/columns';
import { tableFromRows } from '../../cli/csv';
import { InputError } from '../../cli/errors';
import { FIELDS, REGISTRY_COLUMNS } from '../../src/core/catalogue';

describe('columnCode', () => {
  it('knows registry columns by code, by label and by «label (code)»', () => {
    for (const c of REGISTRY_COLUMNS) {
      expect(columnCode('registry', c.code)).toBe(c.code);
      expect(columnCode('registry', c.label)).toBe(c.code);
      expect(columnCode('registry', `${c.label} (${c.code})`)).toBe(c.code);
    }
  });

  it('knows every form question by its title, regardless of case, spaces and ё', () => {
    for (const f of FIELDS) expect(columnCode('responses', f.label)).toBe(f.code);
    const kdn = FIELDS.find((f) => f.code === 'students_registered_kdn')!.label;
    expect(kdn).toContain('ё');
    const typed = `  ${kdn.toUpperCase().replace(/Ё/g, 'Е').replace(/ /g, '  ')} `;
    expect(columnCode('responses', typed)).toBe('students_registered_kdn');
  });

  it('knows the timestamp as Google writes it in English and Russian', () => {
    expect(columnCode('responses', 'Timestamp')).toBe('timestamp');
    expect(columnCode('responses', 'Отметка времени')).toBe('timestamp');
    expect(columnCode('responses', 'access_code')).toBe('access_code');
  });

  it('does not know what is not there', () => {
    expect(columnCode('responses', 'Любимый цвет')).toBeNull();
    expect(columnCode('registry', 'students_total')).toBeNull();
  });
});

describe('normalizeTable', () => {
  it('keys records by code and names the columns it left out', () => {
    const table = normalizeTable(
      tableFromRows(
        [
          ['Код ОО', 'Краткое наименование', 'Заметки'],
          ['0012', 'Школа', 'x'],
        ],
        'registry.csv',
      ),
      'registry',
    );
    expect(table.rows[0].record).toEqual({ school_id: '0012', name: 'Школа' });
    expect(table.unknown).toEqual(['Заметки']);
  });

  it('stops on a missing required column, naming file, row 1 and the column', () => {
    const t = tableFromRows(
      [
        ['school_id', 'municipality'],
        ['0001', 'Канск'],
      ],
      'registry.csv',
    );
    expect(() => normalizeTable(t, 'registry')).toThrow(
      'Файл «registry.csv», строка 1, столбец «name»: нет обязательного столбца «name» ' +
        '(Краткое наименование); в заголовке: «school_id», «municipality»',
    );
  });

  it('stops on two columns that mean the same thing', () => {
    const t = tableFromRows([['school_id', 'name', 'Краткое наименование (name)']], 'r.csv');
    let error: unknown;
    try {
      normalizeTable(t, 'registry');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).column).toBe('Краткое наименование (name)');
  });

  it('takes the first non-empty of a code column and a title column («Данные» has both)', () => {
    const t = tableFromRows(
      [
        ['Код ОО', 'Период', 'school_id', 'period', 'students_total'],
        ['0012', '2021-2022', '', '', '300'],
      ],
      'Данные',
    );
    const table = normalizeTable(t, 'responses');
    expect(table.rows[0].record).toMatchObject({ school_id: '0012', period: '2021-2022' });
  });
});
