/**
 * The methodology section of the report (spec §8, rev 2): criteria, thresholds, sources and
 * who collects, written from the settings in force, so that it never disagrees with the
 * numbers beside it. Content only: headings, paragraphs and lists of the report model; the
 * look is the document writer's.
 */
import {
  ISB_COMPONENTS,
  RESULT_COMPONENTS,
  RISKS,
  isbCapSetting,
  isbWeightSetting,
} from '../catalogue/components';
import { examYear } from '../catalogue/fields';
import { METHODOLOGY as M } from '../messages';
import { references } from '../compute/periodCore';
import { settingNumber, settingText } from '../settings';
import { formatNumber } from '../text';
import type { Settings } from '../types';
import type { ReportBlock } from './model';

/** `15 %` from a share 0.15. */
const pct = (x: number) => `${formatNumber(x * 100, x * 100 === Math.round(x * 100) ? 0 : 1)} %`;

export function methodologySection(settings: Settings, period: string): ReportBlock[] {
  const n = (code: string) => settingNumber(settings, code);
  const refs = references(settings);
  const regional = RESULT_COMPONENTS.filter((c) => refs[c.code] !== null).map((c) => c.title);
  const isbParts = ISB_COMPONENTS.filter((c) => n(isbWeightSetting(c.code)) > 0).map((c) => {
    const weight = n(isbWeightSetting(c.code));
    const cap = c.cap === undefined ? null : n(isbCapSetting(c.code));
    return M.isbComponent(
      c.title,
      cap === null ? null : pct(cap),
      weight === 1 ? null : formatNumber(weight),
    );
  });
  const shnsu =
    settingText(settings, 'isb_rule') === 'threshold'
      ? M.shnsuThreshold(formatNumber(n('isb_threshold')))
      : M.shnsuQuantile(pct(n('low_isb_share')));
  const source = settingText(settings, 'status_source');
  const year = examYear(period);
  return [
    { kind: 'heading', level: 2, text: M.heading },
    { kind: 'paragraph', text: M.statusSource[source as 'official' | 'computed' | 'both'] ?? '' },
    {
      kind: 'list',
      items: [
        M.shnor(pct(n('low_results_share'))),
        M.resultsIndex(
          RESULT_COMPONENTS.map((c) => c.title).join('; '),
          formatNumber(n('results_years')),
          formatNumber(n('min_participants')),
          formatNumber(n('shrinkage_k')),
        ),
        regional.length ? M.regional(regional.join('; ')) : M.municipalStandard,
        M.isb(isbParts.join('; ')),
        shnsu,
        M.objectivity(pct(n('objectivity_higher_threshold')), pct(n('objectivity_threshold'))),
        M.risks(RISKS.map((r) => r.label).join('; ')),
        M.riskThresholds(
          pct(n('risk_teachers_diagnosed_min')),
          pct(n('risk_teachers_with_iom_min')),
          pct(n('risk_language_high')),
          pct(n('risk_language_medium')),
          pct(n('risk_motivation_high')),
          pct(n('risk_motivation_medium')),
          formatNumber(n('risk_internal_monitorings_min')),
        ),
        M.recommendations(formatNumber(n('max_recommendations'))),
      ],
    },
    { kind: 'paragraph', text: M.sources(year === null ? null : String(year)) },
    { kind: 'paragraph', text: M.collectors },
  ];
}
