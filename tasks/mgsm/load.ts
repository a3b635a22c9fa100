// Reading MGSM as its authors publish it (google-research/url-nlp, mgsm/; copied unchanged to the
// Hub as juletxara/mgsm): mgsm_<lang>.tsv per language (250 lines, "question<TAB>answer", no
// header, no quoting) and exemplars.py (the 8 hand-translated worked exemplars per language, a
// Python module; see python-literals.ts). Every language file present is read.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { listFiles, readText, sha256File } from '../../src/task/readers/index.ts';
import { LANGUAGE_CODES } from './languages.ts';
import { parsePythonLiterals, type PyValue } from './python-literals.ts';

export const EXEMPLARS_FILE = 'exemplars.py';
export const SHOTS = 8;

/** One language's TSV. The answer may carry thousands separators ("5,600"); the target has none. */
async function readLanguage(file: string, lang: string, rel: string): Promise<Sample[]> {
  const lines = (await readText(file)).split('\n');
  const samples: Sample[] = [];
  lines.forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '') return;
    const fields = text.split('\t');
    if (fields.length !== 2) throw new DataError(file, i + 1, `expected "question<TAB>answer", found ${fields.length} fields`);
    const [question, answer] = fields as [string, string];
    if (!/^-?\d{1,3}(,\d{3})*$|^-?\d+$/.test(answer.trim())) throw new DataError(file, i + 1, `answer must be an integer, found ${JSON.stringify(answer)}`);
    samples.push({ id: `${lang}/${samples.length}`, subset: lang, input: question, target: answer.trim().replaceAll(',', ''), origin: { file: rel, line: i + 1 } });
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions');
  return samples;
}

function asRecord(value: PyValue | undefined): Record<string, PyValue> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

/** The exemplars of `lang` in the order "1".."8": question ("q", with its label) and worked answer ("a"). */
function exemplarsOf(all: Record<string, PyValue>, lang: string, file: string): Sample[] {
  const byNumber = asRecord(all[lang]);
  if (byNumber === null) throw new DataError(file, undefined, `MGSM_EXEMPLARS has no "${lang}" entry`);
  return Array.from({ length: SHOTS }, (_, i) => {
    const entry = asRecord(byNumber[String(i + 1)]);
    const q = entry?.['q'];
    const a = entry?.['a'];
    if (typeof q !== 'string' || typeof a !== 'string') throw new DataError(file, undefined, `MGSM_EXEMPLARS["${lang}"]["${i + 1}"] needs string "q" and "a"`);
    return { id: `${lang}/shot-${i + 1}`, subset: lang, input: q, target: a };
  });
}

export async function loadMgsm(dir: string): Promise<TaskData> {
  const names = new Set(await listFiles(dir));
  const exemplarsFile = path.join(dir, EXEMPLARS_FILE);
  const literals = parsePythonLiterals(await readText(exemplarsFile), exemplarsFile);
  const all = asRecord(literals.get('MGSM_EXEMPLARS'));
  if (all === null) throw new DataError(exemplarsFile, undefined, 'no MGSM_EXEMPLARS dict');
  const samples: Sample[] = [];
  const fewshot: Sample[] = [];
  const files: DatasetFile[] = [await sha256File(exemplarsFile, dir)];
  for (const lang of LANGUAGE_CODES) {
    const name = `mgsm_${lang}.tsv`;
    if (!names.has(name)) continue;
    const file = path.join(dir, name);
    samples.push(...(await readLanguage(file, lang, name)));
    fewshot.push(...exemplarsOf(all, lang, exemplarsFile));
    files.push(await sha256File(file, dir));
  }
  if (samples.length === 0) throw new DataError(dir, undefined, `no mgsm_<lang>.tsv files (languages: ${LANGUAGE_CODES.join(', ')})`, { code: 'DATA_MISSING' });
  return { samples, fewshot, files };
}
