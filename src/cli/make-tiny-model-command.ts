// `ernie-eval make-tiny-model`: build a tiny ERNIE-architecture model directory.
import { resolve } from 'node:path';
import { UsageError } from '../core/index.ts';
import { makeTinyModel, type TinyArch } from '../model/tiny/index.ts';
import { intOption, oneOf, parseCommand, stringOption } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { MAKE_TINY_HELP } from './help.ts';

const ARCHS: readonly TinyArch[] = ['ernie4_5', 'ernie4_5_moe', 'ernie4_5_vl'];

export async function makeTinyModelCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand('make-tiny-model', argv, {
    arch: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    'external-data': { type: 'boolean' },
  });
  if (values['help'] === true) {
    console.log(MAKE_TINY_HELP);
    return EXIT.ok;
  }
  const out = stringOption(values['out']);
  if (out === undefined) throw new UsageError('make-tiny-model: --out DIR is required');
  if (values['arch'] === undefined) throw new UsageError(`make-tiny-model: --arch is required (${ARCHS.join(' | ')})`);
  const arch = oneOf('arch', values['arch'], ARCHS, 'ernie4_5');
  if (arch === 'ernie4_5_vl' && values['external-data'] === true) throw new UsageError('make-tiny-model: --external-data is not supported for --arch ernie4_5_vl');
  const seed = intOption('seed', values['seed']) ?? 1234;
  const built = await makeTinyModel({ arch, outDir: resolve(out), seed, externalData: values['external-data'] === true });
  console.log(`Built a tiny ${arch} model (seed ${seed}) in ${built.outDir}: ${built.files.join(', ')}`);
  return EXIT.ok;
}
