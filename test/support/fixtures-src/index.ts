// Every bundled Parquet fixture, by path relative to the repository root.
import type { ParquetColumn } from '../parquet-writer.ts';
import { MMLU_PRO_FIXTURES } from './mmlu-pro.ts';
import { MMLU_REDUX_FIXTURES } from './mmlu-redux.ts';

export const PARQUET_FIXTURES: Record<string, ParquetColumn[]> = { ...MMLU_PRO_FIXTURES, ...MMLU_REDUX_FIXTURES };
