import { Runtime } from '../../emulator/runtime';
import { createLogger } from '../../emulator/services/logger';

describe('Logger', () => {
  test('log keeps messages in memory; getLog returns them one per line', () => {
    const logger = createLogger(new Runtime());
    logger.log('Пересчёт начат');
    logger.log('Школ: %s, отклонено: %s', 18, 2);
    logger.log({ period: '2021-2022' });
    expect(logger.getLog()).toBe('Пересчёт начат\nШкол: 18, отклонено: 2\n{"period":"2021-2022"}');
  });

  test('clear empties the log; entries carry the virtual time', () => {
    const rt = new Runtime();
    const logger = createLogger(rt);
    logger.log('a');
    expect(logger.__entries()[0].at).toEqual(rt.clock.now());
    logger.clear();
    expect(logger.getLog()).toBe('');
  });
});
