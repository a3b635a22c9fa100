// Entry point: dispatch to a command; turn every HarnessError into one line and an exit code.
import { DataError, isHarnessError } from '../core/index.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { LIST_HELP, MAIN_HELP, MAKE_TINY_HELP, RUN_HELP } from './help.ts';
import { listCommand } from './list-command.ts';
import { makeTinyModelCommand } from './make-tiny-model-command.ts';
import { mergeCommand, MERGE_HELP } from './merge-command.ts';
import { calibrateCommand, CALIBRATE_HELP } from './calibrate-command.ts';
import { compareCommand, COMPARE_HELP } from './compare-command.ts';
import { reportCommand, REPORT_HELP } from './report-command.ts';
import { mfuCommand, MFU_HELP } from './mfu-command.ts';
import { runCommand } from './run-command.ts';
import { serveCommand, SERVE_HELP } from './serve-command.ts';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  run: { run: runCommand, help: RUN_HELP },
  list: { run: listCommand, help: LIST_HELP },
  'make-tiny-model': { run: makeTinyModelCommand, help: MAKE_TINY_HELP },
  report: { run: reportCommand, help: REPORT_HELP },
  compare: { run: compareCommand, help: COMPARE_HELP },
  merge: { run: mergeCommand, help: MERGE_HELP },
  serve: { run: (argv) => serveCommand(argv), help: SERVE_HELP },
  calibrate: { run: calibrateCommand, help: CALIBRATE_HELP },
  mfu: { run: mfuCommand, help: MFU_HELP },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(MAIN_HELP);
    return command === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (command === 'help') {
    console.log(COMMANDS[rest[0] ?? '']?.help ?? MAIN_HELP);
    return EXIT.ok;
  }
  const entry = COMMANDS[command];
  if (entry === undefined) {
    console.error(`ernie-eval: unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(', ')} (see \`ernie-eval --help\`)`);
    return EXIT.badInput;
  }
  try {
    return await entry.run(rest);
  } catch (err) {
    if (isHarnessError(err)) {
      console.error(`ernie-eval: error [${err.code}]: ${err.message}`);
      // A DataError is always an input file at fault (a dataset row, a record given to report or
      // merge), whatever its code: bad input, exit 2. Other RECORD errors (writing) are failures.
      return err instanceof DataError ? EXIT.badInput : exitCodeFor(err.code);
    }
    // A bug, not bad input: say so, and show the stack only when asked.
    console.error(`ernie-eval: internal error: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env['ERNIE_EVAL_DEBUG'] === '1' && err instanceof Error) console.error(err.stack);
    else console.error('(set ERNIE_EVAL_DEBUG=1 for the stack trace, and please report it)');
    return EXIT.failed;
  }
}
