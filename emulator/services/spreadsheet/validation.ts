/** `SpreadsheetApp.newDataValidation()`: the builder and the stored rule. Rules are not enforced on writes. */
import { DataValidationCriteria, type DataValidationCriteriaName } from './enums';
import type { SheetsContext } from './context';
import { Messages } from './errors';
import { asGas, gasEnumMember, gasError } from '../gas';

type GasRule = GoogleAppsScript.Spreadsheet.DataValidation;
type GasBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

interface RuleState {
  criteria: DataValidationCriteriaName | undefined;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class EmulatedDataValidation implements Pick<
  GasRule,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  constructor(
    private readonly ctx: SheetsContext,
    /** Non-Google: the rule's content, for exporters and tests. */
    readonly state: Readonly<RuleState>,
  ) {}

  copy(): GasBuilder {
    this.ctx.call('DataValidation.copy');
    return asGas(
      new EmulatedDataValidationBuilder(this.ctx, {
        ...this.state,
        values: [...this.state.values],
      }),
    );
  }

  getAllowInvalid(): boolean {
    this.ctx.call('DataValidation.getAllowInvalid');
    return this.state.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.ctx.call('DataValidation.getCriteriaType');
    return gasEnumMember(this.state.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.ctx.call('DataValidation.getCriteriaValues');
    return [...this.state.values];
  }

  getHelpText(): string {
    this.ctx.call('DataValidation.getHelpText');
    return this.state.helpText ?? '';
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

export class EmulatedDataValidationBuilder implements Pick<GasBuilder, BuilderMethods> {
  private readonly state: RuleState;

  constructor(
    private readonly ctx: SheetsContext,
    state?: RuleState,
  ) {
    this.state = state ?? { criteria: undefined, values: [], allowInvalid: true, helpText: null };
  }

  private criteria(
    method: string,
    criteria: DataValidationCriteriaName,
    values: unknown[],
  ): GasBuilder {
    this.ctx.call(`DataValidationBuilder.${method}`);
    this.state.criteria = criteria;
    this.state.values = values;
    return asGas(this);
  }

  requireValueInList(values: string[], showDropdown = true): GasBuilder {
    return this.criteria('requireValueInList', 'VALUE_IN_LIST', [[...values], showDropdown]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): GasBuilder {
    return this.criteria('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown]);
  }

  requireNumberBetween(start: number, end: number): GasBuilder {
    return this.criteria('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): GasBuilder {
    return this.criteria('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [
      n,
    ]);
  }

  requireNumberLessThanOrEqualTo(n: number): GasBuilder {
    return this.criteria('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }

  requireFormulaSatisfied(formula: string): GasBuilder {
    return this.criteria('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  requireTextIsEmail(): GasBuilder {
    return this.criteria('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): GasBuilder {
    return this.criteria('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): GasBuilder {
    const values =
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.criteria('requireCheckbox', 'CHECKBOX', values);
  }

  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): GasBuilder {
    const name = String(criteria) as DataValidationCriteriaName;
    if (!(name in DataValidationCriteria)) throw gasError(Messages.invalidArgument('criteria'));
    return this.criteria('withCriteria', name, [...args]);
  }

  setAllowInvalid(allowInvalid: boolean): GasBuilder {
    this.ctx.call('DataValidationBuilder.setAllowInvalid');
    this.state.allowInvalid = allowInvalid;
    return asGas(this);
  }

  setHelpText(helpText: string): GasBuilder {
    this.ctx.call('DataValidationBuilder.setHelpText');
    this.state.helpText = helpText;
    return asGas(this);
  }

  getAllowInvalid(): boolean {
    this.ctx.call('DataValidationBuilder.getAllowInvalid');
    return this.state.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.ctx.call('DataValidationBuilder.getCriteriaType');
    return gasEnumMember(this.state.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.ctx.call('DataValidationBuilder.getCriteriaValues');
    return [...this.state.values];
  }

  getHelpText(): string | null {
    this.ctx.call('DataValidationBuilder.getHelpText');
    return this.state.helpText;
  }

  copy(): GasBuilder {
    this.ctx.call('DataValidationBuilder.copy');
    return asGas(
      new EmulatedDataValidationBuilder(this.ctx, {
        ...this.state,
        values: [...this.state.values],
      }),
    );
  }

  build(): GasRule {
    this.ctx.call('DataValidationBuilder.build');
    // Google refuses a rule without criteria.
    if (this.state.criteria === undefined) throw gasError(Messages.invalidArgument('criteria'));
    return asGas(
      new EmulatedDataValidation(this.ctx, { ...this.state, values: [...this.state.values] }),
    );
  }
}
