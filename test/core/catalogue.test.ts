import {
  DEFAULT_RULES,
  FIELDS,
  FORM_SECTIONS,
  INDICATORS,
  ISB_COMPONENTS,
  LIST_COLUMNS,
  REGISTRY_COLUMNS,
  RESULT_COMPONENTS,
  RISKS,
  SETTINGS,
  fieldByCode,
  indicatorByCode,
  SCHOOL_FACTS,
  SUMMARY_SECTIONS,
  settingByCode,
} from '../../src/core/catalogue';
import { DOMAIN_CODES } from './fixtures/domain-codes';
import { readSettings } from '../../src/core/settings';

describe('the catalogue is one consistent source', () => {
  it('has every questionnaire field of the spec, each in a form section', () => {
    const codes = FIELDS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(fieldByCode('grads_no_certificate')?.base).toBe('grads_total');
    const sections = new Set(FORM_SECTIONS.map((s) => s.id));
    expect([...sections]).toEqual([
      'identification',
      'contingent',
      'conditions',
      'results',
      'teachers',
      'measures',
    ]);
    for (const f of FIELDS) {
      expect(sections.has(f.section)).toBe(true);
      expect(f.label.length).toBeGreaterThan(3);
    }
  });

  it('bounds every counted field by an existing base', () => {
    for (const f of FIELDS.filter((x) => x.base)) {
      expect(fieldByCode(f.base as string)?.type).toBe('int');
    }
    expect(fieldByCode('teachers_with_iom')?.base).toBe('teachers_total');
    expect(fieldByCode('students_truancy')?.base).toBe('students_total');
    expect(fieldByCode('vpr_rus5_lower')?.base).toBe('vpr_rus5_participants');
    expect(fieldByCode('ege_rus_participants')?.participantsOf).toBe('ege_rus');
    expect(FIELDS.filter((f) => f.required).map((f) => f.code)).toEqual([
      'school_id',
      'students_total',
      'teachers_total',
    ]);
  });

  it('builds indices from catalogue fields', () => {
    for (const c of ISB_COMPONENTS) for (const f of c.fields) expect(fieldByCode(f)).toBeDefined();
    for (const c of RESULT_COMPONENTS) {
      for (const [count, participants] of c.pairs) {
        expect(fieldByCode(count)).toBeDefined();
        expect(fieldByCode(participants)?.measure).toBe('participants');
      }
    }
    // rev 2: the ten «500+» risk factors, and the ИСБ without outcomes
    expect(RISKS.map((r) => r.code)).toEqual([
      'equipment',
      'staff',
      'teacher_competence',
      'adaptivity',
      'inschool_pd',
      'language',
      'environment',
      'learning_failure',
      'parents',
      'motivation',
    ]);
    const isbFields = ISB_COMPONENTS.flatMap((c) => c.fields);
    expect(isbFields).not.toContain('students_not_attested');
    expect(isbFields).not.toContain('students_truancy');
  });

  it('has every summary indicator of the spec, with its section', () => {
    const codes = INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(indicatorByCode('share_flagged')?.section).toBe(1);
    expect(indicatorByCode('share_entered_lists')?.section).toBe(2);
    expect(indicatorByCode('count_staff_support_measures')?.section).toBe(3);
    expect(indicatorByCode('share_with_leader_school')?.section).toBe(4);
    expect(indicatorByCode('share_tutoring')?.section).toBe(5);
    expect(indicatorByCode('mun_resource_deficit_monitoring')?.section).toBe(6);
    expect(INDICATORS.filter((i) => i.section === 7).map((i) => i.code)).toEqual([
      'gap_ege_below_min',
      'gap_oge_fail',
      'gap_vpr_fail',
      'gap_ege_high',
    ]);
    for (const i of INDICATORS) {
      if (i.kind === 'fact') expect(settingByCode(i.code)?.type).toBe('bool');
      if (i.kind === 'teacher_share') expect(fieldByCode(i.subject)?.base).toBe('teachers_total');
    }
    expect(indicatorByCode('share_teachers_diagnosed')?.population).toBe('teachers_of_flagged');
    expect(indicatorByCode('share_iup')?.population).toBe('all');
    expect(indicatorByCode('share_network_practices')?.population).toBe('flagged');
  });

  it('has every setting with a default that reads back as valid', () => {
    const rows = SETTINGS.map((s): [string, unknown] => [
      s.code,
      typeof s.default === 'boolean' ? (s.default ? 'да' : 'нет') : s.default,
    ]);
    expect(readSettings(rows).errors).toEqual([]);
  });

  it('has the registry and list columns of section 3 and default rules with unique ids', () => {
    expect(REGISTRY_COLUMNS.map((c) => c.code)).toEqual([
      'school_id',
      'name',
      'municipality',
      'locality',
      'email',
      'is_internship_site',
      'leader_school_id',
      'active',
      'no_reminders',
    ]);
    expect(LIST_COLUMNS.map((c) => c.code)).toEqual(['period', 'school_id', 'status']);
    expect(new Set(DEFAULT_RULES.map((r) => r.rule_id)).size).toBe(DEFAULT_RULES.length);
    expect(DEFAULT_RULES.filter((r) => r.applies_to === 'flagged').map((r) => r.rule_id)).toEqual([
      'R06',
      'R09',
      'R16',
    ]);
  });
});

describe('what the catalogue promises', () => {
  const fieldCodes = new Set(FIELDS.map((f) => f.code));

  it('has every code the domain spec lists', () => {
    const missing = (have: Iterable<string>, want: readonly string[]) => {
      const set = new Set(have);
      return want.filter((c) => !set.has(c));
    };
    expect(missing(fieldCodes, DOMAIN_CODES.fields)).toEqual([]);
    expect(
      missing(
        INDICATORS.map((i) => i.code),
        DOMAIN_CODES.indicators,
      ),
    ).toEqual([]);
    expect(
      missing(
        REGISTRY_COLUMNS.map((c) => c.code),
        DOMAIN_CODES.registry,
      ),
    ).toEqual([]);
    expect(
      missing(
        LIST_COLUMNS.map((c) => c.code),
        DOMAIN_CODES.lists,
      ),
    ).toEqual([]);
    expect(
      missing(
        SETTINGS.map((s) => s.code),
        DOMAIN_CODES.settings,
      ),
    ).toEqual([]);
  });

  it('gives every field a code, a label, a short name, a known type and a form section', () => {
    const sections = new Set(FORM_SECTIONS.map((s) => s.id));
    expect(fieldCodes.size).toBe(FIELDS.length);
    for (const f of FIELDS) {
      expect([f.code, /^[a-z][a-z0-9_]*$/.test(f.code)]).toEqual([f.code, true]);
      expect([f.code, f.label.trim().length > 3, f.short.trim().length > 1]).toEqual([
        f.code,
        true,
        true,
      ]);
      expect([f.code, ['int', 'bool', 'url', 'text'].includes(f.type)]).toEqual([f.code, true]);
      expect([f.code, sections.has(f.section)]).toEqual([f.code, true]);
      if (f.base) expect([f.code, fieldByCode(f.base)?.type]).toEqual([f.code, 'int']);
      if (f.input) expect([f.code, f.type]).toEqual([f.code, 'text']);
    }
    // Every form section asks something.
    for (const s of FORM_SECTIONS) expect(FIELDS.some((f) => f.section === s.id)).toBe(true);
  });

  it('has every indicator name what exists: fields, settings, components, registry columns', () => {
    const field = (code: string) => fieldByCode(code)?.type;
    for (const i of INDICATORS) {
      expect([
        i.code,
        i.title.trim().length > 3,
        SUMMARY_SECTIONS[i.section] !== undefined,
      ]).toEqual([i.code, true, true]);
      switch (i.kind) {
        case 'fact':
          expect([i.code, settingByCode(i.subject)?.type]).toEqual([i.code, 'bool']);
          break;
        case 'school_share':
          if (typeof i.subject === 'object')
            expect([i.code, field(i.subject.field)]).toEqual([i.code, 'bool']);
          else expect([i.code, SCHOOL_FACTS.includes(i.subject)]).toEqual([i.code, true]);
          break;
        case 'teacher_share':
        case 'sum':
          expect([i.code, field(i.subject)]).toEqual([i.code, 'int']);
          break;
        case 'registry_count':
          expect(REGISTRY_COLUMNS.find((c) => c.code === i.subject)?.type).toBe('bool');
          break;
        case 'dynamics':
          expect(['left', 'entered']).toContain(i.subject);
          break;
        case 'gap':
          expect(RESULT_COMPONENTS.map((c) => c.code)).toContain(i.subject);
          break;
      }
    }
  });
});
