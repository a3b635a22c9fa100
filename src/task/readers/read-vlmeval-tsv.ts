// VLMEvalKit's benchmark TSV layout (MMBench, MMStar, AI2D_TEST, MME, CV-Bench, ...), read as
// VLMEvalKit reads it (vlmeval/dataset/image_base.py ImageBaseDataset.__init__, image_mcq.py
// build_prompt; pandas read_csv(sep='\t')):
// - a header row naming the columns: index, question, hint, A, B, C, ..., answer, category, image ...;
// - `image` holds base64, a JSON/Python list of base64 strings (multi-image rows), or, when 64
//   characters or fewer, the `index` of another row whose image it shares (MMBench's circular copies);
// - without an `image` column, `image_path` names the files (relative to the TSV's folder here);
// - rows whose image is missing are skipped, as VLMEvalKit's skip_noimg does;
// - cells are pandas values: NA strings are missing, numeric columns print as numbers (pandas-cells.ts).
// Images are passed on undecoded: broken base64 is the backend's per-sample error, not a load error.
import path from 'node:path';
import { DataError, type ImageSource } from '../../core/index.ts';
import { inferDtype, isPandasNa, pandasText, type PandasDtype } from './pandas-cells.ts';
import { readTsvRecords } from './tsv-records.ts';

export interface VlmevalRow {
  /** 1-based line on which the row starts. */
  line: number;
  cells: string[];
}

export interface VlmevalOption {
  letter: string;
  text: string;
}

/** An `image` cell this short is a reference to another row's index (VLMEvalKit's threshold). */
const MAX_REFERENCE_LENGTH = 64;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class VlmevalTable {
  private readonly columnIndex: Map<string, number>;
  private readonly dtypes: PandasDtype[];
  private readonly rowByIndex: Map<string, VlmevalRow>;

  constructor(
    readonly file: string,
    readonly columns: readonly string[],
    readonly headerLine: number,
    readonly rows: readonly VlmevalRow[],
  ) {
    this.columnIndex = new Map(columns.map((c, i) => [c, i]));
    // Image cells are never numbers worth inferring, and scanning 100 MB of base64 is wasted work.
    this.dtypes = columns.map((c, i) => (c === 'image' ? 'object' : inferDtype(rows.map((r) => r.cells[i] ?? ''))));
    this.rowByIndex = new Map();
    if (this.has('index')) {
      for (const row of rows) {
        const index = this.text(row, 'index');
        if (index === null) throw new DataError(file, row.line, 'column "index" is empty');
        if (this.rowByIndex.has(index)) throw new DataError(file, row.line, `column "index": ${index} appears twice`);
        this.rowByIndex.set(index, row);
      }
    }
  }

  has(column: string): boolean {
    return this.columnIndex.has(column);
  }

  /** The cell as VLMEvalKit sees it (str() of the pandas value); null when missing or NaN. */
  text(row: VlmevalRow, column: string): string | null {
    const i = this.columnIndex.get(column);
    if (i === undefined) return null;
    return pandasText(row.cells[i] ?? '', this.dtypes[i] ?? 'object');
  }

  /** A cell that must be present. */
  require(row: VlmevalRow, column: string): string {
    const value = this.text(row, column);
    if (value === null) throw new DataError(this.file, row.line, `column "${column}" is empty`);
    return value;
  }

  /** An integer cell (VLMEvalKit's `index`). */
  requireInteger(row: VlmevalRow, column: string): number {
    const value = this.require(row, column);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new DataError(this.file, row.line, `column "${column}" must be an integer, found ${JSON.stringify(value)}`);
    }
    return Number(value);
  }

  /** Answer options: the single-letter columns A..Z present and not NaN, in letter order (build_prompt). */
  options(row: VlmevalRow): VlmevalOption[] {
    const out: VlmevalOption[] = [];
    for (const letter of LETTERS) {
      const text = this.text(row, letter);
      if (text !== null) out.push({ letter, text });
    }
    return out;
  }

  /**
   * The row's images, or null when it has none (VLMEvalKit skips such rows). References to another
   * row's image are followed; the bytes are not checked.
   */
  images(row: VlmevalRow): ImageSource[] | null {
    const i = this.columnIndex.get('image');
    if (i !== undefined) {
      const cell = row.cells[i] ?? '';
      if (isPandasNa(cell)) return null;
      let data = cell;
      if (data.length <= MAX_REFERENCE_LENGTH) {
        const target = this.rowByIndex.get(data);
        const targetCell = target?.cells[i] ?? '';
        if (target === undefined || targetCell.length <= MAX_REFERENCE_LENGTH) {
          throw new DataError(this.file, row.line, `column "image": ${JSON.stringify(data)} is not base64 and names no row (by index) that holds an image`);
        }
        data = targetCell;
      }
      return listOrSingle(data, this.file, row.line, 'image').map((d) => ({ kind: 'base64', data: d }));
    }
    const p = this.text(row, 'image_path');
    if (p === null) return null;
    const dir = path.dirname(this.file);
    return listOrSingle(p, this.file, row.line, 'image_path').map((f) => ({ kind: 'path', path: path.resolve(dir, f) }));
  }
}

/** VLMEvalKit's toliststr: "[...]" is a list literal (JSON or Python quotes), anything else one item. */
function listOrSingle(cell: string, file: string, line: number, column: string): string[] {
  if (!(cell.length > 1 && cell.startsWith('[') && cell.endsWith(']'))) return [cell];
  const items: string[] = [];
  const item = /\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*(,|$)/y;
  let pos = 1;
  const body = cell.slice(0, -1);
  while (pos < body.length) {
    item.lastIndex = pos;
    const m = item.exec(body);
    if (m === null) throw new DataError(file, line, `column "${column}": cannot read the list of images ${JSON.stringify(cell.slice(0, 80))}`);
    items.push(m[1] ?? m[2] ?? '');
    pos = item.lastIndex;
    if (m[3] === '') break;
  }
  if (items.length === 0) throw new DataError(file, line, `column "${column}": empty list of images`);
  return items;
}

export interface ReadVlmevalOptions {
  /** Columns the task needs; a missing one is a DataError on the header line. */
  required: readonly string[];
}

/** Read a VLMEvalKit TSV. Every row must have as many fields as the header. */
export async function readVlmevalTsv(file: string, options: ReadVlmevalOptions): Promise<VlmevalTable> {
  let header: { fields: string[]; line: number } | null = null;
  const rows: VlmevalRow[] = [];
  for await (const record of readTsvRecords(file)) {
    if (header === null) {
      header = record;
      const seen = new Set<string>();
      for (const name of record.fields) {
        if (seen.has(name)) throw new DataError(file, record.line, `column "${name}" appears twice in the header`);
        seen.add(name);
      }
      for (const name of options.required) {
        if (!seen.has(name)) throw new DataError(file, record.line, `missing column "${name}" (header: ${record.fields.join(', ').slice(0, 200)})`);
      }
      continue;
    }
    if (record.fields.length !== header.fields.length) {
      throw new DataError(file, record.line, `expected ${header.fields.length} tab-separated fields (as the header), found ${record.fields.length}`);
    }
    rows.push({ line: record.line, cells: record.fields });
  }
  if (header === null) throw new DataError(file, undefined, 'empty TSV file: expected a header row');
  return new VlmevalTable(file, header.fields, header.line, rows);
}
