// A minimal Parquet writer for test fixtures: no Parquet writer is installed (hyparquet only reads),
// and the fixtures of the Parquet-distributed benchmarks (MMLU-Pro, MMLU-Redux) must be Parquet to
// test the reader the tasks really use. It writes what the Hugging Face Hub's converter writes for
// these datasets, minus compression: one row group, one PLAIN-encoded v1 data page per column,
// nullable columns, and lists in the standard three-level LIST layout
// (optional group <name> (LIST) { repeated group list { optional binary element (UTF8) } }).
// Format: https://github.com/apache/parquet-format (parquet.thrift, Thrift compact protocol).

/** A column of values (a leaf of the schema). */
export type ParquetLeafColumn =
  | { name: string; kind: 'string'; values: (string | null)[] }
  | { name: string; kind: 'int64'; values: (number | null)[] }
  /** Plain BYTE_ARRAY without the UTF8 annotation: image bytes (MMMU's image_1 {bytes, path}). */
  | { name: string; kind: 'bytes'; values: (Uint8Array | null)[] }
  | { name: string; kind: 'string-list'; values: (string[] | null)[] };

/**
 * A required struct of leaf columns, never null (TriviaQA's `answer`, MMMU's `image_1`). It has no
 * `values` of its own; the property is declared so that `ParquetColumn['values']` stays usable.
 */
export interface ParquetStructColumn {
  name: string;
  kind: 'struct';
  fields: ParquetLeafColumn[];
  values?: undefined;
}

export type ParquetColumn = ParquetLeafColumn | ParquetStructColumn;

// ---- Thrift compact protocol, only what FileMetaData and PageHeader need ----

const T_I32 = 5;
const T_I64 = 6;
const T_BINARY = 8;
const T_LIST = 9;
const T_STRUCT = 12;

class Bytes {
  readonly out: number[] = [];
  push(...bytes: number[]): void {
    this.out.push(...bytes);
  }
  varint(n: bigint): void {
    let v = n;
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) b |= 0x80;
      this.out.push(b);
    } while (v !== 0n);
  }
  zigzag(n: number | bigint): void {
    const v = BigInt(n);
    this.varint(v >= 0n ? v << 1n : (-v << 1n) - 1n);
  }
  raw(bytes: Uint8Array | number[]): void {
    for (const b of bytes) this.out.push(b);
  }
  le32(n: number): void {
    this.out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  }
}

type Field = [id: number, write: (w: ThriftWriter) => void];

class ThriftWriter {
  constructor(readonly b: Bytes) {}
  struct(fields: Field[]): void {
    let last = 0;
    for (const [id, write] of fields) {
      const before = this.b.out.length;
      this.b.push(0); // placeholder for the field header, patched below
      const type = this.pending(write);
      const delta = id - last;
      if (delta <= 0 || delta > 15) throw new Error('field ids must increase by 1..15');
      this.b.out[before] = (delta << 4) | type;
      last = id;
    }
    this.b.push(0); // stop
  }
  private current = 0;
  private pending(write: (w: ThriftWriter) => void): number {
    write(this);
    return this.current;
  }
  i32(n: number): void {
    this.current = T_I32;
    this.b.zigzag(n);
  }
  i64(n: number | bigint): void {
    this.current = T_I64;
    this.b.zigzag(n);
  }
  binary(s: string | Uint8Array): void {
    this.current = T_BINARY;
    const bytes = typeof s === 'string' ? new TextEncoder().encode(s) : s;
    this.b.varint(BigInt(bytes.length));
    this.b.raw(bytes);
  }
  list<T>(elementType: number, items: readonly T[], write: (w: ThriftWriter, item: T) => void): void {
    if (items.length < 15) this.b.push((items.length << 4) | elementType);
    else {
      this.b.push(0xf0 | elementType);
      this.b.varint(BigInt(items.length));
    }
    for (const item of items) write(this, item);
    this.current = T_LIST;
  }
  nested(fields: Field[]): void {
    this.struct(fields);
    this.current = T_STRUCT;
  }
}

// ---- levels and values ----

/** RLE/bit-packed hybrid with one RLE run per value (valid, if not compact), 4-byte length prefix. */
function levels(values: number[], maxLevel: number): number[] {
  const width = Math.ceil(Math.log2(maxLevel + 1));
  const bytesPerValue = Math.ceil(width / 8);
  const body = new Bytes();
  for (const v of values) {
    body.varint(1n << 1n); // run of 1, RLE
    for (let i = 0; i < bytesPerValue; i++) body.push((v >> (8 * i)) & 0xff);
  }
  const out = new Bytes();
  out.le32(body.out.length);
  out.raw(body.out);
  return out.out;
}

function plainString(s: string, into: Bytes): void {
  const bytes = new TextEncoder().encode(s);
  into.le32(bytes.length);
  into.raw(bytes);
}

function plainInt64(n: number, into: Bytes): void {
  let v = BigInt.asUintN(64, BigInt(n));
  for (let i = 0; i < 8; i++) {
    into.push(Number(v & 0xffn));
    v >>= 8n;
  }
}

interface EncodedPage {
  page: number[];
  numValues: number;
  physicalType: number;
  path: string[];
}

/** One page per leaf column: a struct's fields sit under its (required) group, which adds no level. */
function encodeLeaves(column: ParquetColumn): EncodedPage[] {
  if (column.kind !== 'struct') return [encodeColumn(column)];
  return column.fields.map((field) => {
    const page = encodeColumn(field);
    return { ...page, path: [column.name, ...page.path] };
  });
}

function encodeColumn(column: ParquetLeafColumn): EncodedPage {
  const data = new Bytes();
  if (column.kind === 'string-list') {
    const rep: number[] = [];
    const def: number[] = [];
    for (const list of column.values) {
      if (list === null) {
        rep.push(0);
        def.push(0);
      } else if (list.length === 0) {
        rep.push(0);
        def.push(1);
      } else {
        list.forEach((s, i) => {
          rep.push(i === 0 ? 0 : 1);
          def.push(3);
          plainString(s, data);
        });
      }
    }
    return { page: [...levels(rep, 1), ...levels(def, 3), ...data.out], numValues: def.length, physicalType: 6, path: [column.name, 'list', 'element'] };
  }
  const def = column.values.map((v) => (v === null ? 0 : 1));
  for (const v of column.values) {
    if (v === null) continue;
    if (column.kind === 'string') plainString(v as string, data);
    else if (column.kind === 'bytes') {
      data.le32((v as Uint8Array).length);
      data.raw(v as Uint8Array);
    } else plainInt64(v as number, data);
  }
  return { page: [...levels(def, 1), ...data.out], numValues: def.length, physicalType: column.kind === 'int64' ? 2 : 6, path: [column.name] };
}

/** A Parquet file holding `columns` (all of the same length) as one row group. */
export function writeParquet(columns: ParquetColumn[]): Uint8Array {
  const lengthOf = (c: ParquetColumn): number => (c.kind === 'struct' ? (c.fields[0]?.values.length ?? 0) : c.values.length);
  const numRows = columns[0] === undefined ? 0 : lengthOf(columns[0]);
  if (columns.some((c) => lengthOf(c) !== numRows || (c.kind === 'struct' && c.fields.some((f) => f.values.length !== numRows)))) throw new Error('columns differ in length');
  const file = new Bytes();
  file.raw([0x50, 0x41, 0x52, 0x31]); // PAR1
  const chunks: { offset: number; size: number; encoded: EncodedPage }[] = [];
  for (const encoded of columns.flatMap(encodeLeaves)) {
    const header = new Bytes();
    new ThriftWriter(header).struct([
      [1, (w) => w.i32(0)], // DATA_PAGE
      [2, (w) => w.i32(encoded.page.length)],
      [3, (w) => w.i32(encoded.page.length)],
      [
        5,
        (w) =>
          w.nested([
            [1, (x) => x.i32(encoded.numValues)],
            [2, (x) => x.i32(0)], // PLAIN
            [3, (x) => x.i32(3)], // RLE
            [4, (x) => x.i32(3)], // RLE
          ]),
      ],
    ]);
    const offset = file.out.length;
    file.raw(header.out);
    file.raw(encoded.page);
    chunks.push({ offset, size: header.out.length + encoded.page.length, encoded });
  }
  const schema: Field[][] = [[[4, (w) => w.binary('schema')], [5, (w) => w.i32(columns.length)]]];
  const leafSchema = (column: ParquetLeafColumn): void => {
    if (column.kind === 'string-list') {
      schema.push([[3, (w) => w.i32(1)], [4, (w) => w.binary(column.name)], [5, (w) => w.i32(1)], [6, (w) => w.i32(3)]]); // optional group (LIST)
      schema.push([[3, (w) => w.i32(2)], [4, (w) => w.binary('list')], [5, (w) => w.i32(1)]]); // repeated group list
      schema.push([[1, (w) => w.i32(6)], [3, (w) => w.i32(1)], [4, (w) => w.binary('element')], [6, (w) => w.i32(0)]]); // optional binary (UTF8)
    } else if (column.kind === 'string') {
      schema.push([[1, (w) => w.i32(6)], [3, (w) => w.i32(1)], [4, (w) => w.binary(column.name)], [6, (w) => w.i32(0)]]);
    } else if (column.kind === 'bytes') {
      schema.push([[1, (w) => w.i32(6)], [3, (w) => w.i32(1)], [4, (w) => w.binary(column.name)]]); // optional binary, no UTF8
    } else {
      schema.push([[1, (w) => w.i32(2)], [3, (w) => w.i32(1)], [4, (w) => w.binary(column.name)]]);
    }
  };
  // Depth first: a struct's (required) group entry, then its fields; a required group adds no level.
  for (const column of columns) {
    if (column.kind !== 'struct') {
      leafSchema(column);
      continue;
    }
    schema.push([[3, (w) => w.i32(0)], [4, (w) => w.binary(column.name)], [5, (w) => w.i32(column.fields.length)]]);
    column.fields.forEach(leafSchema);
  }
  const footer = new Bytes();
  const totalSize = chunks.reduce((n, c) => n + c.size, 0);
  new ThriftWriter(footer).struct([
    [1, (w) => w.i32(1)],
    [2, (w) => w.list(T_STRUCT, schema, (x, fields) => x.struct(fields))],
    [3, (w) => w.i64(numRows)],
    [
      4,
      (w) =>
        w.list(T_STRUCT, [0], (x) =>
          x.struct([
            [
              1,
              (y) =>
                y.list(T_STRUCT, chunks, (z, chunk) =>
                  z.struct([
                    [2, (c) => c.i64(chunk.offset)],
                    [
                      3,
                      (c) =>
                        c.nested([
                          [1, (m) => m.i32(chunk.encoded.physicalType)],
                          [2, (m) => m.list(T_I32, [0, 3], (e, v) => e.b.zigzag(v))],
                          [3, (m) => m.list(T_BINARY, chunk.encoded.path, (e, p) => e.binary(p))],
                          [4, (m) => m.i32(0)], // UNCOMPRESSED
                          [5, (m) => m.i64(chunk.encoded.numValues)],
                          [6, (m) => m.i64(chunk.size)],
                          [7, (m) => m.i64(chunk.size)],
                          [9, (m) => m.i64(chunk.offset)],
                        ]),
                    ],
                  ]),
                ),
            ],
            [2, (y) => y.i64(totalSize)],
            [3, (y) => y.i64(numRows)],
          ]),
        ),
    ],
    [6, (w) => w.binary('ernie-eval test/support/parquet-writer.ts')],
  ]);
  file.raw(footer.out);
  file.le32(footer.out.length);
  file.raw([0x50, 0x41, 0x52, 0x31]);
  return Uint8Array.from(file.out);
}
