// What a cell of a TSV *is* once pandas has read it, because VLMEvalKit builds prompts from the
// pandas values, not from the file's text: `str(value)` of an int, float, bool or string column, and
// NaN for the default NA strings (so an option spelled "None" or "NA" disappears from the prompt,
// exactly as in VLMEvalKit). A column whose non-missing cells are all integers becomes float64 when
// any cell is missing, so an option column holding "3" and blanks is printed "3.0" by VLMEvalKit.
// These rules are pandas 2.x `read_csv` defaults (na_values, dtype inference of the C parser).
import { pyFloatRepr } from '../../core/index.ts';

/** pandas 2.x STR_NA_VALUES ("None" was added in 2.0). Compared exactly, without trimming. */
const NA_STRINGS = new Set([
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
]);

export function isPandasNa(cell: string): boolean {
  return NA_STRINGS.has(cell);
}

const INT = /^ *[+-]?\d+ *$/;
const FLOAT = /^ *[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|infinity) *$/i;
const TRUE = new Set(['True', 'TRUE', 'true']);
const FALSE = new Set(['False', 'FALSE', 'false']);

export type PandasDtype = 'int64' | 'float64' | 'bool' | 'object';

/** The dtype pandas' C parser infers for a column from its cells. */
export function inferDtype(cells: readonly string[]): PandasDtype {
  let na = false;
  let ints = true;
  let floats = true;
  let bools = true;
  let any = false;
  for (const c of cells) {
    if (isPandasNa(c)) {
      na = true;
      continue;
    }
    any = true;
    if (ints && !INT.test(c)) ints = false;
    if (floats && !FLOAT.test(c)) floats = false;
    if (bools && !TRUE.has(c) && !FALSE.has(c)) bools = false;
    if (!ints && !floats && !bools) return 'object';
  }
  if (!any) return 'float64'; // an all-NaN column
  if (ints) return na ? 'float64' : 'int64';
  if (floats) return 'float64';
  // Booleans with a missing value stay objects (True/False/NaN), whose str() is the same text.
  return bools && !na ? 'bool' : 'object';
}

/** str() of the value pandas holds for `cell` in a column of `dtype`; null for NaN. */
export function pandasText(cell: string, dtype: PandasDtype): string | null {
  if (isPandasNa(cell)) return null;
  switch (dtype) {
    case 'int64':
      return BigInt(cell.trim()).toString();
    case 'float64': {
      const t = cell.trim().toLowerCase().replace('infinity', 'inf');
      return pyFloatRepr(t.endsWith('inf') ? (t.startsWith('-') ? -Infinity : Infinity) : Number(t));
    }
    case 'bool':
      return TRUE.has(cell) ? 'True' : 'False';
    default:
      return cell;
  }
}
