/**
 * `shnor-monitor`: the command line (commander). Exit codes: 0 done (rejected rows are data),
 * 1 an input file cannot be read or the output folder cannot be written, 2 the command line is
 * wrong, 3 an internal error (a bug: every ordinary mistake has its own message).
 */
import { Command, CommanderError } from 'commander';
import path from 'node:path';
import { CLI_HELP, CLI_RUN, CLI_TEMPLATE, CLI_USAGE } from './messages';
import { version } from '../package.json';
import { InputError, OutputError, UsageError } from './errors';
import { prepareOutDir } from './out-dir';
import { HELP_EN } from './help';
import { runCommand, type Io, type RunCommandOptions } from './run-command';
import { writeTemplate } from './template';

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

const TITLES: Record<string, string> = {
  'Usage:': CLI_HELP.usage,
  'Options:': CLI_HELP.options,
  'Commands:': CLI_HELP.commands,
  'Arguments:': CLI_HELP.arguments,
  'Global Options:': CLI_HELP.globalOptions,
};

function program(io: Io, done: (code: number) => void): Command {
  const configure = (cmd: Command) =>
    cmd
      .helpOption('-h, --help', CLI_HELP.help)
      .configureHelp({
        styleTitle: (title) => TITLES[title] ?? title,
        // Commander writes a fixed "[options]" after each command name; ours is Russian.
        subcommandTerm: (sub) => `${sub.name()} ${sub.usage()}`.trim(),
      })
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        // Commander's own English error line is replaced by a Russian one (see usageText).
        outputError: () => {},
      })
      .exitOverride();
  const root = configure(new Command('shnor-monitor'))
    .description(CLI_HELP.program)
    .usage(CLI_HELP.usageRoot)
    .version(version, '-V, --version', CLI_HELP.version)
    .helpCommand('help [команда]', CLI_HELP.helpCommand)
    .addHelpText('after', HELP_EN.program);
  configure(root.command('run'))
    .description(CLI_HELP.run)
    .usage(CLI_HELP.usageCommand)
    .option('--registry <файл>', CLI_HELP.registry)
    .option('--responses <файл>', CLI_HELP.responses, (f: string, all: string[] = []) => [
      ...all,
      f,
    ])
    .option('--lists <файл>', CLI_HELP.lists)
    .option('--links <файл>', CLI_HELP.links)
    .option('--settings <файл>', CLI_HELP.settings)
    .option('--xlsx <файл>', CLI_HELP.xlsx)
    .option('--period <период>', CLI_HELP.period)
    .requiredOption('--out <папка>', CLI_HELP.out)
    .option('-q, --quiet', CLI_HELP.quiet)
    .addHelpText('after', HELP_EN.run)
    .action(async (options: RunCommandOptions) => {
      await runCommand(options, io);
      done(EXIT.ok);
    });
  configure(root.command('template'))
    .description(CLI_HELP.template)
    .usage(CLI_HELP.usageCommand)
    .requiredOption('--out <папка>', CLI_HELP.templateOut)
    .addHelpText('after', HELP_EN.template)
    .action((options: { out: string }) => {
      prepareOutDir(options.out);
      const { written, kept } = writeTemplate(options.out);
      if (written.length > 0) io.stdout.write(`${CLI_TEMPLATE.written(options.out)}\n`);
      for (const f of written) io.stdout.write(`  ${path.basename(f)}\n`);
      if (kept.length > 0) io.stdout.write(`${CLI_TEMPLATE.kept}\n`);
      for (const f of kept) io.stdout.write(`  ${path.basename(f)}\n`);
      done(EXIT.ok);
    });
  return root;
}

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const cli = program(io, (c) => (code = c));
  if (argv.length === 0) {
    io.stderr.write(cli.helpInformation());
    return EXIT.usage;
  }
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const shown = ['commander.helpDisplayed', 'commander.help', 'commander.version'];
      if (shown.includes(error.code) && error.exitCode === 0) return EXIT.ok;
      if (!shown.includes(error.code)) io.stderr.write(`${usageText(error)}\n`);
      io.stderr.write(`${CLI_USAGE.seeHelp}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`${CLI_USAGE.error(error.message)}\n${CLI_USAGE.seeHelp}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError || error instanceof OutputError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.input;
    }
    io.stderr.write(`${CLI_RUN.internalError}\n${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
}

/** Commander's error in Russian: the flag or word it names is quoted in its message. */
function usageText(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.missingMandatoryOptionValue':
      return CLI_USAGE.error(CLI_USAGE.missingOption(quoted.split(' ')[0]));
    case 'commander.optionMissingArgument':
      return CLI_USAGE.error(CLI_USAGE.missingValue(quoted.split(' ')[0]));
    case 'commander.unknownOption':
      return CLI_USAGE.error(CLI_USAGE.unknownOption(quoted));
    case 'commander.unknownCommand':
      return CLI_USAGE.error(CLI_USAGE.unknownCommand(quoted));
    case 'commander.excessArguments':
      return CLI_USAGE.error(CLI_USAGE.excessArguments(error.message));
    default:
      return CLI_USAGE.error(error.message);
  }
}

function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr };
}
