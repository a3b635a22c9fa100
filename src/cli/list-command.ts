// `ernie-eval list`: every task with its protocol and data status, and every suite.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listTaskIds, loadSuites, loadTask } from '../task/index.ts';
import { parseCommand, stringOption } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { LIST_HELP } from './help.ts';

export async function listCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand('list', argv, { 'data-dir': { type: 'string' } });
  if (values['help'] === true) {
    console.log(LIST_HELP);
    return EXIT.ok;
  }
  const dataDirFlag = stringOption(values['data-dir']);
  const dataDir = dataDirFlag === undefined ? undefined : resolve(dataDirFlag);
  console.log('Tasks:');
  for (const id of listTaskIds()) {
    const spec = await loadTask(id);
    const p = spec.protocol;
    const data =
      dataDir === undefined
        ? 'bundled samples (give --data-dir for the official files)'
        : existsSync(join(dataDir, spec.data.folder))
          ? `official files at ${join(dataDir, spec.data.folder)}`
          : `no data at ${join(dataDir, spec.data.folder)} — ${spec.data.download}`;
    console.log(`  ${spec.id} (v${spec.version}) — ${spec.title}`);
    console.log(`      protocol: ${p.shots}-shot${p.chainOfThought ? ' chain of thought' : ''}, ${p.requestKind}; metrics: ${spec.metrics.map((m) => m.name).join(', ')} (from ${p.source})`);
    console.log(`      data: ${data}`);
  }
  console.log('\nSuites:');
  for (const [name, suite] of Object.entries(await loadSuites())) {
    const notes = [...(suite.defaultLimit === undefined ? [] : [`default --limit ${suite.defaultLimit}`]), ...(suite.thinking === undefined ? [] : [`thinking ${suite.thinking ? 'on' : 'off'}`])];
    console.log(`  ${name}: ${suite.tasks.join(', ')}${notes.length === 0 ? '' : ` (${notes.join(', ')})`} — ${suite.description}`);
  }
  return EXIT.ok;
}
