/**
 * The English half of `--help` (the Russian half is commander's own help, in Russian texts
 * from src/core/messages.ts). Inspectors read Russian; integrators and CI logs often English.
 */
export const HELP_EN = {
  program: `
English:
  shnor-monitor run ...       compute the monitoring from files, as the add-on would;
                              writes monitoring.xlsx, report.docx and summary.json
  shnor-monitor template ...  write empty registry.csv, lists.csv, responses.csv,
                              settings.csv and a short guide (README.txt, Russian)
  shnor-monitor help COMMAND  help on a command

  Example:
    npx shnor-monitor run --registry registry.csv --responses responses.csv \\
        --lists lists.csv --settings settings.csv --period 2021-2022 --out result

  Exit codes: 0 done (also when some rows were rejected), 1 an input file cannot be
  read (the message names the file, row and column) or the output folder cannot be
  written, 2 command-line error, 3 internal error.
`,
  run: `
English:
  Runs the add-on's bundle on the embedded emulator: the registry, lists and settings
  go into their sheets, each response row is submitted through the form (its
  onFormSubmit trigger validates it), then recompute and the report.

  --registry FILE    school registry CSV: school_id, name, municipality, locality, ...
  --responses FILE   school responses CSV, one row per submission: timestamp, period,
                     then fields by code or by the form's question titles; repeatable
  --lists FILE       official lists CSV: period, school_id, status (optional)
  --links FILE       the access codes the deployment issued: school_id, period,
                     access_code (optional; checks an access_code column)
  --settings FILE    settings CSV: key, value (optional; time_zone sets the zone of
                     timestamps written without one, default Europe/Moscow)
  --xlsx FILE        instead of the CSVs: an .xlsx download of the add-on's spreadsheet
  --period PERIOD    period of the summary, e.g. 2021-2022 (default: period in the
                     settings, else the latest in the responses); it must have responses;
                     the previous period is the one before it
  --out DIR          output folder (required)
  -q, --quiet        no progress on stderr

  Files: comma- or semicolon-separated, UTF-8 (with or without BOM) or Windows-1251;
  timestamps 15.05.2022 9:05:00 (local time) or ISO 8601. Bad rows do not stop the run:
  they are listed under "rejected" in summary.json, and "rows" accounts for every row.
  Exit codes: 0, 1 unreadable input or unusable output folder, 2 usage, 3 internal error.
`,
  template: `
English:
  Writes empty registry.csv, lists.csv, responses.csv, settings.csv (semicolon-separated,
  UTF-8 with BOM, as Russian Excel opens them) and README.txt, a short guide in Russian.
`,
} as const;
