/** `SpreadsheetApp.newConditionalFormatRule()`: boolean-condition rules, stored as specs. */
import { type BooleanCriteriaName } from './enums';
import type { SheetsContext } from './context';
import type { EmulatedRange } from './range';
import { asGas, gasEnumMember } from '../gas';

type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Non-Google: a rule's content, as exporters and tests read it. */
export interface ConditionalRuleSpec {
  criteria: BooleanCriteriaName | undefined;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  ranges: EmulatedRange[];
}

function emptySpec(): ConditionalRuleSpec {
  return {
    criteria: undefined,
    values: [],
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    ranges: [],
  };
}

function copySpec(s: ConditionalRuleSpec): ConditionalRuleSpec {
  return { ...s, values: [...s.values], ranges: [...s.ranges] };
}

class EmulatedBooleanCondition implements Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  | 'getBackground'
  | 'getBold'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getFontColor'
  | 'getItalic'
> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly spec: ConditionalRuleSpec,
  ) {}

  getBackground(): string | null {
    this.ctx.call('BooleanCondition.getBackground');
    return this.spec.background;
  }

  getBold(): boolean | null {
    this.ctx.call('BooleanCondition.getBold');
    return this.spec.bold;
  }

  getItalic(): boolean | null {
    this.ctx.call('BooleanCondition.getItalic');
    return this.spec.italic;
  }

  getFontColor(): string | null {
    this.ctx.call('BooleanCondition.getFontColor');
    return this.spec.fontColor;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.ctx.call('BooleanCondition.getCriteriaType');
    return gasEnumMember(this.spec.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.ctx.call('BooleanCondition.getCriteriaValues');
    return [...this.spec.values];
  }
}

export class EmulatedConditionalFormatRule implements Pick<
  GasRule,
  'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'
> {
  constructor(
    private readonly ctx: SheetsContext,
    /** Non-Google: the rule's content. */
    readonly spec: Readonly<ConditionalRuleSpec>,
  ) {}

  copy(): GasBuilder {
    this.ctx.call('ConditionalFormatRule.copy');
    return asGas(new EmulatedConditionalFormatRuleBuilder(this.ctx, copySpec(this.spec)));
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.ctx.call('ConditionalFormatRule.getBooleanCondition');
    return asGas(new EmulatedBooleanCondition(this.ctx, this.spec));
  }

  getGradientCondition(): null {
    this.ctx.call('ConditionalFormatRule.getGradientCondition');
    return null;
  }

  getRanges(): GasRange[] {
    this.ctx.call('ConditionalFormatRule.getRanges');
    return asGas([...this.spec.ranges]);
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenTextContains'
  | 'whenTextEqualTo';

export class EmulatedConditionalFormatRuleBuilder implements Pick<GasBuilder, BuilderMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly spec: ConditionalRuleSpec = emptySpec(),
  ) {}

  private when(method: string, criteria: BooleanCriteriaName, values: unknown[]): GasBuilder {
    this.ctx.call(`ConditionalFormatRuleBuilder.${method}`);
    this.spec.criteria = criteria;
    this.spec.values = values;
    return asGas(this);
  }

  private style(method: string, apply: () => void): GasBuilder {
    this.ctx.call(`ConditionalFormatRuleBuilder.${method}`);
    apply();
    return asGas(this);
  }

  whenCellEmpty(): GasBuilder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }

  whenCellNotEmpty(): GasBuilder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }

  whenFormulaSatisfied(formula: string): GasBuilder {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  whenNumberBetween(start: number, end: number): GasBuilder {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  whenNumberEqualTo(n: number): GasBuilder {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }

  whenNumberGreaterThan(n: number): GasBuilder {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }

  whenNumberGreaterThanOrEqualTo(n: number): GasBuilder {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }

  whenNumberLessThan(n: number): GasBuilder {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }

  whenNumberLessThanOrEqualTo(n: number): GasBuilder {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }

  whenTextContains(text: string): GasBuilder {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }

  whenTextEqualTo(text: string): GasBuilder {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }

  setBackground(color: string | null): GasBuilder {
    return this.style('setBackground', () => (this.spec.background = color));
  }

  setFontColor(color: string | null): GasBuilder {
    return this.style('setFontColor', () => (this.spec.fontColor = color));
  }

  setBold(bold: boolean | null): GasBuilder {
    return this.style('setBold', () => (this.spec.bold = bold));
  }

  setItalic(italic: boolean | null): GasBuilder {
    return this.style('setItalic', () => (this.spec.italic = italic));
  }

  setRanges(ranges: GasRange[]): GasBuilder {
    return this.style('setRanges', () => (this.spec.ranges = asGas<EmulatedRange[]>([...ranges])));
  }

  getRanges(): GasRange[] {
    this.ctx.call('ConditionalFormatRuleBuilder.getRanges');
    return asGas([...this.spec.ranges]);
  }

  copy(): GasBuilder {
    this.ctx.call('ConditionalFormatRuleBuilder.copy');
    return asGas(new EmulatedConditionalFormatRuleBuilder(this.ctx, copySpec(this.spec)));
  }

  build(): GasRule {
    this.ctx.call('ConditionalFormatRuleBuilder.build');
    return asGas(new EmulatedConditionalFormatRule(this.ctx, copySpec(this.spec)));
  }
}
