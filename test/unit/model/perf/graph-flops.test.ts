// The config FLOPs model against FLOPs counted from the executed ONNX graph of the tiny models.
// The graph computes the full masked score square and, in the tiny MoE, every expert (weighted
// by a mask), so it is compared with the config model "as executed by this graph"
// (all-experts, full-square); the active count is then strictly smaller for the MoE.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countGraphFlops, flopsFromProfile, matmulFlops } from '../../../../src/model/perf/index.ts';
import { forwardFlops, makeFlopsModel, parseModelShape } from '../../../../src/perf/index.ts';
import { tinyModelDir } from '../../../support/tiny-models.ts';

const config = (dir: string) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;

describe('graph FLOPs of the tiny models', () => {
  for (const arch of ['ernie4_5', 'ernie4_5_moe'] as const) {
    it(`${arch}: executed MatMul FLOPs equal the config model as executed (all experts, full square)`, async () => {
      const dir = await tinyModelDir(arch);
      const shape = parseModelShape(config(dir));
      for (const seq of [1, 9]) {
        const graph = await countGraphFlops(dir, seq);
        expect(graph.matmulNodes).toBeGreaterThan(shape.numLayers * 4);
        expect(graph.matmulFlops).toBe(forwardFlops(makeFlopsModel(shape, { experts: 'all-experts', attention: 'full-square' }), seq));
      }
    }, 60_000);
  }

  it('the MoE graph executes more than the active FLOPs; the dense one differs only by the masked scores', async () => {
    const moe = await tinyModelDir('ernie4_5_moe');
    const shape = parseModelShape(config(moe));
    const graph = await countGraphFlops(moe, 9);
    const active = forwardFlops(makeFlopsModel(shape), 9);
    expect(graph.matmulFlops).toBeGreaterThan(active);
    const dense = await tinyModelDir('ernie4_5');
    const denseShape = parseModelShape(config(dense));
    const denseGraph = await countGraphFlops(dense, 9);
    const causal = makeFlopsModel(denseShape);
    expect(denseGraph.matmulFlops - forwardFlops(causal, 9)).toBe(causal.attentionFlopsPerPair * (81 - 45));
  }, 60_000);

  it('counts 2·M·N·K from profiled shapes and ignores other ops', () => {
    expect(matmulFlops([2, 3, 5], [2, 3, 7])).toBe(2 * 2 * 3 * 7 * 5);
    const events = [
      { cat: 'Node', name: '/a/MatMul_kernel_time', args: { op_name: 'MatMul', input_type_shape: [{ float: [1, 4, 8] }, { float: [8, 16] }], output_type_shape: [{ float: [1, 4, 16] }] } },
      { cat: 'Node', name: '/a/Add_kernel_time', args: { op_name: 'Add', input_type_shape: [{ float: [1, 4, 16] }], output_type_shape: [{ float: [1, 4, 16] }] } },
      { cat: 'Session', name: 'model_run' },
    ];
    expect(flopsFromProfile(events)).toEqual({ matmulFlops: 2 * 4 * 16 * 8, byNode: { '/a/MatMul': 2 * 4 * 16 * 8 }, matmulNodes: 1 });
    expect(() => flopsFromProfile({})).toThrow(/not a JSON array/);
  });
});
