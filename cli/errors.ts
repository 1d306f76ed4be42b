/**
 * A file that cannot be read: the run stops, and the message names the file, the row and the
 * column so that the inspector can open it and fix that cell (exit code 1).
 */
import { CLI_INPUT, CLI_OUTPUT } from './messages';

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly row?: number,
    /** The column's name as the file has it, or its 1-based number when it has none. */
    readonly column?: string | number,
  ) {
    super(`${CLI_INPUT.where(file, row, columnText(column))}: ${detail}`);
    this.name = 'InputError';
  }
}

/** The output folder cannot be used: it is a file, or cannot be created or written (exit 1). */
export class OutputError extends Error {
  constructor(
    readonly dir: string,
    readonly detail: string,
  ) {
    super(CLI_OUTPUT.where(dir, detail));
    this.name = 'OutputError';
  }
}

/** A command line that cannot be understood (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function columnText(column: string | number | undefined): string | undefined {
  if (column === undefined || column === '') return undefined;
  return typeof column === 'number' ? CLI_INPUT.columnNumber(column) : CLI_INPUT.columnName(column);
}
