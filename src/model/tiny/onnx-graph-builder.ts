// A small helper for writing ONNX graphs by hand: named inputs/outputs with symbolic dims,
// initializers, deduplicated constants and nodes whose names and outputs are deterministic (so the
// serialized model is byte-identical from run to run). Serialization goes through the protobufjs
// ONNX schema in `onnx-proto`; large initializers can be moved to an external data file exactly as
// `onnx.save_model(..., save_as_external_data=True)` lays it out.

import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';

const { onnx } = onnxProto;

export type ElemType = 'float32' | 'int64' | 'bool';
/** A dimension: a fixed size or a symbolic name such as `batch_size`. */
export type Dim = number | string;
/** Attribute values: plain numbers are INT attributes; floats must say so. */
export type AttrValue = number | number[] | string | { float: number } | { tensor: { type: ElemType; dims: number[]; values: number[] } };

const ELEM_TYPE_CODE: Record<ElemType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  int64: onnx.TensorProto.DataType.INT64,
  bool: onnx.TensorProto.DataType.BOOL,
};

export const OPSET_VERSION = 17;
// IR version 8 is the one that goes with opset 17 (ONNX 1.12).
const IR_VERSION = 8;
// Bytes; tensors this size or larger go to the external file (the `onnx` Python package's default).
const EXTERNAL_THRESHOLD = 1024;
// Offsets in the data file are aligned so that runtimes can map tensors in place.
const EXTERNAL_ALIGN = 64;

interface Initializer {
  name: string;
  type: ElemType;
  dims: number[];
  bytes: Uint8Array;
}

export interface SerializedModel {
  model: Uint8Array;
  /** Present when `externalDataFile` was given. */
  externalData?: Uint8Array;
}

function toBytes(data: Float32Array | BigInt64Array | Uint8Array): Uint8Array {
  // ONNX raw_data is little-endian; so is every platform Node ships for, but say it explicitly.
  const out = new Uint8Array(data.byteLength);
  const view = new DataView(out.buffer);
  if (data instanceof Float32Array) data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  else if (data instanceof BigInt64Array) data.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  else out.set(data);
  return out;
}

function valueInfo(name: string, type: ElemType, dims: readonly Dim[]): Onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: ELEM_TYPE_CODE[type],
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function tensorValues(type: ElemType, values: number[]): Float32Array | BigInt64Array | Uint8Array {
  if (type === 'float32') return Float32Array.from(values);
  if (type === 'int64') return BigInt64Array.from(values, (v) => BigInt(v));
  return Uint8Array.from(values, (v) => (v ? 1 : 0));
}

export class OnnxGraphBuilder {
  private readonly nodes: Onnx.INodeProto[] = [];
  private readonly initializers: Initializer[] = [];
  private readonly inputs: Onnx.IValueInfoProto[] = [];
  private readonly outputs: Onnx.IValueInfoProto[] = [];
  private readonly constants = new Map<string, string>();
  private readonly names = new Set<string>();
  private readonly counters = new Map<string, number>();
  /** Prefix of node names, like the `/model/layers.0/self_attn` scopes of a torch export. */
  scope = '';

  constructor(private readonly graphName: string) {}

  input(name: string, type: ElemType, dims: readonly Dim[]): string {
    this.claim(name);
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** Declares a graph output; `value` is renamed to `name` through an Identity node. */
  output(name: string, value: string, type: ElemType, dims: readonly Dim[]): void {
    this.claim(name);
    this.nodes.push({ opType: 'Identity', name: `/${name}/Identity`, input: [value], output: [name] });
    this.outputs.push(valueInfo(name, type, dims));
  }

  initializer(name: string, dims: readonly number[], data: Float32Array | BigInt64Array, type: ElemType = data instanceof Float32Array ? 'float32' : 'int64'): string {
    const expected = dims.reduce((a, b) => a * b, 1);
    if (data.length !== expected) throw new Error(`initializer ${name}: ${data.length} values for dims [${dims.join(', ')}]`);
    this.claim(name);
    this.initializers.push({ name, type, dims: [...dims], bytes: toBytes(data) });
    return name;
  }

  /** An int64 constant (a scalar when `scalar`), shared by every node that needs the same values. */
  int64(values: readonly number[], scalar = false): string {
    if (scalar && values.length !== 1) throw new Error('a scalar constant has exactly one value');
    return this.constant('int64', scalar ? [] : [values.length], [...values]);
  }

  float(value: number): string {
    return this.constant('float32', [], [value]);
  }

  /** A float32 constant tensor of any shape (e.g. RoPE inverse frequencies). */
  floatTensor(dims: readonly number[], values: Float32Array): string {
    return this.constant('float32', [...dims], Array.from(values));
  }

  /** Adds a node and returns its outputs. */
  ops(opType: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, outputCount = 1): string[] {
    const n = this.counters.get(`${this.scope}|${opType}`) ?? 0;
    this.counters.set(`${this.scope}|${opType}`, n + 1);
    const name = `${this.scope}/${opType}${n === 0 ? '' : `_${n}`}`;
    const outputs = Array.from({ length: outputCount }, (_, i) => `${name}_output_${i}`);
    for (const output of outputs) this.claim(output);
    this.nodes.push({ opType, name, input: [...inputs], output: outputs, attribute: Object.entries(attrs).map(([key, value]) => attribute(key, value)) });
    return outputs;
  }

  /** Adds a single-output node and returns that output. */
  op(opType: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}): string {
    const [out] = this.ops(opType, inputs, attrs, 1);
    if (out === undefined) throw new Error('unreachable: node without output');
    return out;
  }

  serialize(options: { externalDataFile?: string; docString?: string } = {}): SerializedModel {
    const chunks: Uint8Array[] = [];
    let offset = 0;
    const initializer = this.initializers.map((init): Onnx.ITensorProto => {
      const base = { name: init.name, dims: init.dims, dataType: ELEM_TYPE_CODE[init.type] };
      if (options.externalDataFile === undefined || init.bytes.length < EXTERNAL_THRESHOLD) return { ...base, rawData: init.bytes };
      const padding = (EXTERNAL_ALIGN - (offset % EXTERNAL_ALIGN)) % EXTERNAL_ALIGN;
      if (padding > 0) chunks.push(new Uint8Array(padding));
      offset += padding;
      const entry = {
        ...base,
        dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
        externalData: [
          { key: 'location', value: options.externalDataFile },
          { key: 'offset', value: String(offset) },
          { key: 'length', value: String(init.bytes.length) },
        ],
      };
      chunks.push(init.bytes);
      offset += init.bytes.length;
      return entry;
    });
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      opsetImport: [{ domain: '', version: OPSET_VERSION }],
      producerName: 'ernie-eval tiny-model',
      producerVersion: '1',
      docString: options.docString ?? '',
      graph: { name: this.graphName, node: this.nodes, initializer, input: this.inputs, output: this.outputs },
    });
    const result: SerializedModel = { model: onnx.ModelProto.encode(model).finish() };
    if (options.externalDataFile !== undefined) result.externalData = concat(chunks, offset);
    return result;
  }

  private constant(type: ElemType, dims: number[], values: number[]): string {
    const key = `${type}[${dims.join(',')}]:${values.join(',')}`;
    const existing = this.constants.get(key);
    if (existing !== undefined) return existing;
    const name = `const_${type}_${this.constants.size}`;
    this.claim(name);
    this.initializers.push({ name, type, dims, bytes: toBytes(tensorValues(type, values)) });
    this.constants.set(key, name);
    return name;
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`duplicate ONNX value name ${name}`);
    this.names.add(name);
  }
}

function attribute(name: string, value: AttrValue): Onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`attribute ${name}: ${value} is not an integer; use { float }`);
    return { name, type: T.INT, i: value };
  }
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if ('float' in value) return { name, type: T.FLOAT, f: value.float };
  const { type, dims, values } = value.tensor;
  return { name, type: T.TENSOR, t: { dims, dataType: ELEM_TYPE_CODE[type], rawData: toBytes(tensorValues(type, values)) } };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
