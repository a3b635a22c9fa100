// Validation of an instruction list and its kwargs against the checkers, shared by the loaders of
// IFEval and Multi-IF: a bad file fails at load time naming its line, never during scoring.
import { DataError } from '../../core/index.ts';
import { CHECKERS, type ArgKind, type Kwargs } from './checkers/index.ts';

/** Whether a kwarg value has the kind a checker needs. */
export function kwargKindOk(kind: ArgKind, v: unknown): boolean {
  switch (kind) {
    case 'int':
      return typeof v === 'number' && Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'relation':
      return v === 'less than' || v === 'at least';
  }
}

/**
 * Check `ids` (a non-empty list of known instruction ids) and `kwargs` (one object per id, each
 * with the kwargs its checker needs). Returns them typed; throws DataError(file, line) otherwise.
 */
export function validateInstructions(
  ids: unknown,
  kwargs: unknown,
  file: string,
  line: number,
  fields: { ids: string; kwargs: string } = { ids: 'instruction_id_list', kwargs: 'kwargs' },
): { ids: string[]; kwargs: Kwargs[] } {
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string')) {
    throw new DataError(file, line, `field "${fields.ids}" must be a non-empty list of strings`);
  }
  if (!Array.isArray(kwargs) || kwargs.length !== ids.length) {
    throw new DataError(file, line, `field "${fields.kwargs}" must be a list of ${ids.length} objects, one per instruction`);
  }
  const typed = (ids as string[]).map((id, i) => {
    const checker = CHECKERS[id];
    if (checker === undefined) throw new DataError(file, line, `unknown instruction id ${JSON.stringify(id)}`);
    const kw: unknown = kwargs[i];
    if (typeof kw !== 'object' || kw === null || Array.isArray(kw)) throw new DataError(file, line, `${id}: kwargs must be an object`);
    for (const [name, kind] of Object.entries(checker.args)) {
      const value = (kw as Kwargs)[name];
      if (!kwargKindOk(kind, value)) throw new DataError(file, line, `${id}: kwarg "${name}" must be ${kind}, found ${JSON.stringify(value)}`);
    }
    return kw as Kwargs;
  });
  return { ids: ids as string[], kwargs: typed };
}
