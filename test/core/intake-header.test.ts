/**
 * A response row is read by its header's titles: the columns' meaning is worked out once per
 * header and follows the header, the title map and the catalogue when they change.
 */
import { rawResponse } from '../../src/core/intake';
import type { Cell } from '../../src/core/types';

const AT = new Date('2026-05-20T10:00:00Z');

describe('rawResponse', () => {
  it('maps each column by its title, whatever the order', () => {
    const header: Cell[] = ['Отметка времени', 'Вопрос А', 'Адрес электронной почты', 'Лишнее'];
    const titleMap = { 'Вопрос А': 'students_total' };
    const raw = rawResponse(2, header, [AT, 412, 'a@b.ru', 'x'], titleMap);
    expect(raw).toEqual({
      row: 2,
      timestamp: AT,
      answers: { students_total: 412, collected_email: 'a@b.ru' },
    });
    const swapped: Cell[] = ['Вопрос А', 'Отметка времени'];
    expect(rawResponse(3, swapped, [7, AT], titleMap)?.answers).toEqual({ students_total: 7 });
  });

  it('follows a header changed in place and another title map', () => {
    const header: Cell[] = ['Отметка времени', 'Вопрос А', 'Вопрос Б'];
    const titleMap = { 'Вопрос А': 'students_total', 'Вопрос Б': 'teachers_total' };
    expect(rawResponse(2, header, [AT, 1, 2], titleMap)?.answers).toEqual({
      students_total: 1,
      teachers_total: 2,
    });
    header[1] = 'Вопрос Б';
    header[2] = 'Вопрос А';
    expect(rawResponse(3, header, [AT, 1, 2], titleMap)?.answers).toEqual({
      teachers_total: 1,
      students_total: 2,
    });
    expect(rawResponse(4, header, [AT, 1, 2], { 'Вопрос А': 'x_code' })?.answers).toEqual({
      x_code: 2,
    });
    header[0] = 'Вопрос А';
    expect(rawResponse(5, header, [AT, 1, 2], titleMap)).toBeNull();
  });
});
