// Reads the float initializers back out of a built model.onnx (and its external data file), straight
// from the protobuf, so the reference forward pass sees exactly the weights onnxruntime runs with —
// and nothing from the builder's own in-memory structures.

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';

const { onnx } = onnxProto;

export interface RefTensor {
  dims: number[];
  data: Float32Array;
}

export async function readOnnxModel(modelPath: string): Promise<Onnx.ModelProto> {
  return onnx.ModelProto.decode(await readFile(modelPath));
}

export async function readOnnxWeights(modelPath: string): Promise<Map<string, RefTensor>> {
  const model = await readOnnxModel(modelPath);
  const external = new Map<string, Buffer>();
  const weights = new Map<string, RefTensor>();
  for (const init of model.graph?.initializer ?? []) {
    if (init.dataType !== onnx.TensorProto.DataType.FLOAT) continue;
    const dims = (init.dims ?? []).map(Number);
    let bytes: Uint8Array;
    if (init.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) {
      const entry = (key: string) => (init.externalData ?? []).find((e) => e.key === key)?.value ?? '';
      const location = entry('location');
      if (!external.has(location)) external.set(location, await readFile(join(dirname(modelPath), location)));
      const file = external.get(location) ?? Buffer.alloc(0);
      const offset = Number(entry('offset'));
      bytes = file.subarray(offset, offset + Number(entry('length')));
    } else {
      bytes = init.rawData ?? new Uint8Array(0);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const data = new Float32Array(bytes.byteLength / 4);
    for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(i * 4, true);
    if (data.length !== dims.reduce((a, b) => a * b, 1)) throw new Error(`initializer ${init.name ?? '?'}: size does not match dims`);
    weights.set(init.name ?? '', { dims, data });
  }
  return weights;
}
