/**
 * Answer validation rules (`FormApp.createTextValidation()` and friends).
 *
 * Google stores these rules and enforces them only in the respondent's browser:
 * `FormResponse.submit()` from a script does NOT check them, and neither does the emulator.
 * `checkAnswer` (exposed as the non-Google `FormApp.__validateAnswer`) applies a stored rule the
 * way the form UI would, so tests can show a rule does what the product meant.
 */
import type { Runtime } from '../../runtime';
import { asGas, unchecked, invalidArgument } from '../gas';

type NumberOp =
  'ANY' | 'WHOLE' | 'BETWEEN' | 'NOT_BETWEEN' | 'EQ' | 'NEQ' | 'GT' | 'GTE' | 'LT' | 'LTE';

type PatternOp = 'CONTAINS' | 'NOT_CONTAINS' | 'MATCHES' | 'NOT_MATCHES';

export type ValidationRule =
  | { kind: 'number'; op: NumberOp; a?: number; b?: number }
  | { kind: 'text'; op: PatternOp; pattern: string }
  | { kind: 'text'; op: 'EMAIL' | 'URL' }
  | { kind: 'length'; op: 'MIN' | 'MAX'; n: number }
  | { kind: 'select'; op: 'AT_LEAST' | 'AT_MOST' | 'EXACTLY'; n: number };

export type ValidationFamily = 'TEXT' | 'PARAGRAPH_TEXT' | 'CHECKBOX';

export interface ValidationData {
  family: ValidationFamily;
  /** Google keeps one rule per validation: the last `require*` call wins. */
  rule: ValidationRule | null;
  helpText: string;
}

/** A built validation; Google's TextValidation etc. are opaque, so is this. */
export class BuiltValidation {
  constructor(readonly data: Readonly<ValidationData>) {}
}

function requireFinite(n: unknown, name: string): number {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw invalidArgument(name);
  return n;
}

function requireString(s: unknown, name: string): string {
  if (typeof s !== 'string') throw invalidArgument(name);
  return s;
}

/**
 * The shared machinery of the three builders; `cls` names the Google class in call counts and
 * `Self` is the Google builder type the chainable methods return.
 */
abstract class BuilderBase<Self> {
  protected rule: ValidationRule | null = null;
  protected helpText = '';

  constructor(
    protected readonly rt: Runtime,
    private readonly cls: string,
    private readonly family: ValidationFamily,
  ) {}

  protected count(method: string): void {
    this.rt.record('FormApp', `${this.cls}.${method}`);
  }

  protected setRule(method: string, rule: ValidationRule): Self {
    this.count(method);
    this.rule = rule;
    return unchecked<Self>(this);
  }

  protected builtData(): BuiltValidation {
    this.count('build');
    return new BuiltValidation(
      Object.freeze({ family: this.family, rule: this.rule, helpText: this.helpText }),
    );
  }

  setHelpText(text: string): Self {
    this.count('setHelpText');
    this.helpText = requireString(text, 'text');
    return unchecked<Self>(this);
  }
}

/** The pattern and length rules that text and paragraph-text validations both have. */
abstract class TextRulesBuilder<Self> extends BuilderBase<Self> {
  private patternRule(method: string, op: PatternOp, pattern: string): Self {
    return this.setRule(method, { kind: 'text', op, pattern: requireString(pattern, 'pattern') });
  }

  private lengthRule(method: string, op: 'MIN' | 'MAX', n: number): Self {
    return this.setRule(method, { kind: 'length', op, n: requireFinite(n, 'number') });
  }

  requireTextContainsPattern(pattern: string): Self {
    return this.patternRule('requireTextContainsPattern', 'CONTAINS', pattern);
  }
  requireTextDoesNotContainPattern(pattern: string): Self {
    return this.patternRule('requireTextDoesNotContainPattern', 'NOT_CONTAINS', pattern);
  }
  requireTextMatchesPattern(pattern: string): Self {
    return this.patternRule('requireTextMatchesPattern', 'MATCHES', pattern);
  }
  requireTextDoesNotMatchPattern(pattern: string): Self {
    return this.patternRule('requireTextDoesNotMatchPattern', 'NOT_MATCHES', pattern);
  }
  requireTextLengthGreaterThanOrEqualTo(n: number): Self {
    return this.lengthRule('requireTextLengthGreaterThanOrEqualTo', 'MIN', n);
  }
  requireTextLengthLessThanOrEqualTo(n: number): Self {
    return this.lengthRule('requireTextLengthLessThanOrEqualTo', 'MAX', n);
  }
}

type TVB = GoogleAppsScript.Forms.TextValidationBuilder;

export class TextValidationBuilderImpl
  extends TextRulesBuilder<TVB>
  implements
    Pick<
      TVB,
      | 'requireNumber'
      | 'requireNumberBetween'
      | 'requireNumberEqualTo'
      | 'requireNumberGreaterThan'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberLessThan'
      | 'requireNumberLessThanOrEqualTo'
      | 'requireNumberNotBetween'
      | 'requireNumberNotEqualTo'
      | 'requireTextContainsPattern'
      | 'requireTextDoesNotContainPattern'
      | 'requireTextDoesNotMatchPattern'
      | 'requireTextIsEmail'
      | 'requireTextIsUrl'
      | 'requireTextLengthGreaterThanOrEqualTo'
      | 'requireTextLengthLessThanOrEqualTo'
      | 'requireTextMatchesPattern'
      | 'requireWholeNumber'
      | 'build'
      | 'setHelpText'
    >
{
  constructor(rt: Runtime) {
    super(rt, 'TextValidationBuilder', 'TEXT');
  }

  /** A comparison with one number (`EQ`, `GT`...). */
  private compareRule(method: string, op: NumberOp, n: number): TVB {
    return this.setRule(method, { kind: 'number', op, a: requireFinite(n, 'number') });
  }

  /** A comparison with a range, its ends checked start first as Google does. */
  private rangeRule(method: string, op: NumberOp, start: number, end: number): TVB {
    const a = requireFinite(start, 'start');
    const b = requireFinite(end, 'end');
    return this.setRule(method, { kind: 'number', op, a, b });
  }

  requireNumber(): TVB {
    return this.setRule('requireNumber', { kind: 'number', op: 'ANY' });
  }
  requireWholeNumber(): TVB {
    return this.setRule('requireWholeNumber', { kind: 'number', op: 'WHOLE' });
  }
  requireNumberBetween(start: number, end: number): TVB {
    return this.rangeRule('requireNumberBetween', 'BETWEEN', start, end);
  }
  requireNumberNotBetween(start: number, end: number): TVB {
    return this.rangeRule('requireNumberNotBetween', 'NOT_BETWEEN', start, end);
  }
  requireNumberEqualTo(n: number): TVB {
    return this.compareRule('requireNumberEqualTo', 'EQ', n);
  }
  requireNumberNotEqualTo(n: number): TVB {
    return this.compareRule('requireNumberNotEqualTo', 'NEQ', n);
  }
  requireNumberGreaterThan(n: number): TVB {
    return this.compareRule('requireNumberGreaterThan', 'GT', n);
  }
  requireNumberGreaterThanOrEqualTo(n: number): TVB {
    return this.compareRule('requireNumberGreaterThanOrEqualTo', 'GTE', n);
  }
  requireNumberLessThan(n: number): TVB {
    return this.compareRule('requireNumberLessThan', 'LT', n);
  }
  requireNumberLessThanOrEqualTo(n: number): TVB {
    return this.compareRule('requireNumberLessThanOrEqualTo', 'LTE', n);
  }
  requireTextIsEmail(): TVB {
    return this.setRule('requireTextIsEmail', { kind: 'text', op: 'EMAIL' });
  }
  requireTextIsUrl(): TVB {
    return this.setRule('requireTextIsUrl', { kind: 'text', op: 'URL' });
  }
  build(): GoogleAppsScript.Forms.TextValidation {
    return asGas<GoogleAppsScript.Forms.TextValidation>(this.builtData());
  }
}

type PVB = GoogleAppsScript.Forms.ParagraphTextValidationBuilder;

export class ParagraphTextValidationBuilderImpl
  extends TextRulesBuilder<PVB>
  implements
    Pick<
      PVB,
      | 'requireTextContainsPattern'
      | 'requireTextDoesNotContainPattern'
      | 'requireTextDoesNotMatchPattern'
      | 'requireTextLengthGreaterThanOrEqualTo'
      | 'requireTextLengthLessThanOrEqualTo'
      | 'requireTextMatchesPattern'
      | 'build'
      | 'setHelpText'
    >
{
  constructor(rt: Runtime) {
    super(rt, 'ParagraphTextValidationBuilder', 'PARAGRAPH_TEXT');
  }
  build(): GoogleAppsScript.Forms.ParagraphTextValidation {
    return asGas<GoogleAppsScript.Forms.ParagraphTextValidation>(this.builtData());
  }
}

type CVB = GoogleAppsScript.Forms.CheckboxValidationBuilder;

export class CheckboxValidationBuilderImpl
  extends BuilderBase<CVB>
  implements
    Pick<
      CVB,
      | 'requireSelectAtLeast'
      | 'requireSelectAtMost'
      | 'requireSelectExactly'
      | 'build'
      | 'setHelpText'
    >
{
  constructor(rt: Runtime) {
    super(rt, 'CheckboxValidationBuilder', 'CHECKBOX');
  }

  private selectRule(method: string, op: 'AT_LEAST' | 'AT_MOST' | 'EXACTLY', n: number): CVB {
    return this.setRule(method, { kind: 'select', op, n: requireFinite(n, 'number') });
  }

  requireSelectAtLeast(n: number): CVB {
    return this.selectRule('requireSelectAtLeast', 'AT_LEAST', n);
  }
  requireSelectAtMost(n: number): CVB {
    return this.selectRule('requireSelectAtMost', 'AT_MOST', n);
  }
  requireSelectExactly(n: number): CVB {
    return this.selectRule('requireSelectExactly', 'EXACTLY', n);
  }
  build(): GoogleAppsScript.Forms.CheckboxValidation {
    return unchecked<GoogleAppsScript.Forms.CheckboxValidation>(this.builtData());
  }
}

/** Unwraps a validation passed to `setValidation`, checking it suits the item. */
export function unwrapValidation(v: unknown, family: ValidationFamily): ValidationData {
  if (!(v instanceof BuiltValidation) || v.data.family !== family)
    throw invalidArgument('validation');
  return v.data;
}

export interface AnswerCheck {
  valid: boolean;
  /** The help text the form would show (the rule's own, or a default like Google's). */
  message: string;
}

/** Google's number parsing in the form UI: a plain decimal, spaces around tolerated. */
function parseNumber(s: string): number | null {
  const t = s.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

function checkRule(rule: ValidationRule, value: string | string[]): string | null {
  if (rule.kind === 'select') {
    const n = Array.isArray(value) ? value.length : value === '' ? 0 : 1;
    if (rule.op === 'AT_LEAST' && n < rule.n) return `Must select at least ${rule.n} options`;
    if (rule.op === 'AT_MOST' && n > rule.n) return `Must select at most ${rule.n} options`;
    if (rule.op === 'EXACTLY' && n !== rule.n) return `Must select exactly ${rule.n} options`;
    return null;
  }
  const text = Array.isArray(value) ? value.join(', ') : value;
  if (rule.kind === 'length') {
    if (rule.op === 'MAX' && text.length > rule.n)
      return `Must be fewer than ${rule.n + 1} characters`;
    if (rule.op === 'MIN' && text.length < rule.n) return `Must be at least ${rule.n} characters`;
    return null;
  }
  if (rule.kind === 'text') {
    switch (rule.op) {
      case 'EMAIL':
        return EMAIL.test(text.trim()) ? null : 'Must be an email';
      case 'URL':
        return URL_LIKE.test(text.trim()) ? null : 'Must be a URL';
      case 'CONTAINS':
        return new RegExp(rule.pattern).test(text) ? null : `Must contain ${rule.pattern}`;
      case 'NOT_CONTAINS':
        return new RegExp(rule.pattern).test(text) ? `Must not contain ${rule.pattern}` : null;
      case 'MATCHES':
        return new RegExp(`^(?:${rule.pattern})$`).test(text) ? null : `Must match pattern`;
      case 'NOT_MATCHES':
        return new RegExp(`^(?:${rule.pattern})$`).test(text) ? `Must not match pattern` : null;
    }
  }
  const x = parseNumber(text);
  if (x === null) return rule.op === 'WHOLE' ? 'Must be a whole number' : 'Must be a number';
  const a = rule.a ?? 0;
  const b = rule.b ?? 0;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  switch (rule.op) {
    case 'ANY':
      return null;
    case 'WHOLE':
      return Number.isInteger(x) ? null : 'Must be a whole number';
    case 'BETWEEN':
      return x >= lo && x <= hi ? null : `Must be a number between ${lo} and ${hi}`;
    case 'NOT_BETWEEN':
      return x < lo || x > hi ? null : `Must be a number not between ${lo} and ${hi}`;
    case 'EQ':
      return x === a ? null : `Must be a number equal to ${a}`;
    case 'NEQ':
      return x !== a ? null : `Must be a number not equal to ${a}`;
    case 'GT':
      return x > a ? null : `Must be a number greater than ${a}`;
    case 'GTE':
      return x >= a ? null : `Must be a number greater than or equal to ${a}`;
    case 'LT':
      return x < a ? null : `Must be a number less than ${a}`;
    case 'LTE':
      return x <= a ? null : `Must be a number less than or equal to ${a}`;
  }
}

/**
 * What the form UI would say about `value` for an item with these settings: a required item
 * must be answered; an empty optional answer skips the rule, as in Google Forms.
 */
export function checkAnswer(
  required: boolean,
  validation: ValidationData | null,
  value: string | string[],
): AnswerCheck {
  const empty = Array.isArray(value) ? value.length === 0 : value.trim() === '';
  if (empty) {
    return required
      ? { valid: false, message: 'This is a required question' }
      : { valid: true, message: '' };
  }
  if (!validation?.rule) return { valid: true, message: '' };
  const failure = checkRule(validation.rule, value);
  if (failure === null) return { valid: true, message: '' };
  return { valid: false, message: validation.helpText || failure };
}
