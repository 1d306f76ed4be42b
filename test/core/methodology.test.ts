/** The methodology section (rev 2): written from the settings in force, in Russian only. */
import { defaultSettings } from '../../src/core/catalogue/settings';
import { methodologySection } from '../../src/core/report/methodology';
import type { ReportBlock } from '../../src/core/report/model';

const text = (blocks: ReportBlock[]) =>
  blocks
    .map((b) =>
      b.kind === 'list' ? b.items.join('\n') : 'text' in b ? (b as { text: string }).text : '',
    )
    .join('\n');

describe('methodologySection', () => {
  it('states the thresholds, sources and collectors of the defaults', () => {
    const t = text(methodologySection(defaultSettings(), '2025-2026'));
    expect(t).toContain('индекс образовательных результатов среди 15 % самых низких');
    expect(t).toContain('ИСБ среди 15 % самых низких');
    expect(t).toContain('более 15 % участников — возможна необъективность ВПР');
    expect(t).toContain('более 30 % участников — признак завышения текущих отметок');
    expect(t).toContain('k = 10');
    expect(t).toContain('результаты ГИА и ВПР 2026 года');
    expect(t).toContain('не более 5 рекомендаций школе');
    expect(t).toContain('относительно школ муниципалитета');
    expect(t).toContain('Данные представляет администрация школы');
    // No code reaches the reader.
    expect(t).not.toMatch(/[a-z]+_[a-z_]+/);
  });

  it('follows the settings in force', () => {
    const settings = {
      ...defaultSettings(),
      low_results_share: 0.2,
      isb_rule: 'threshold',
      isb_threshold: 55,
      isb_weight_small_school: 0,
      isb_cap_registered: 0.2,
      ref_mean_vpr_fail: 0.12,
      ref_sd_vpr_fail: 0.05,
      max_recommendations: 3,
    };
    const t = text(methodologySection(settings, '2021-2022'));
    expect(t).toContain('среди 20 % самых низких');
    expect(t).toContain('Расчётный статус ШНСУ: ИСБ ниже 55.');
    expect(t).not.toContain('малокомплектная школа');
    expect(t).toContain('(предел 20 %)');
    expect(t).toContain('относительно региональных средних и стандартных отклонений (ВПР');
    expect(t).toContain('не более 3 рекомендаций');
    expect(t).toContain('ГИА и ВПР 2022 года');
  });
});
