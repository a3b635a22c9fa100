// Left-padded batches: every row ends at the same column, so the last position of every row is
// the one whose logits predict the next token, and decoding steps stay aligned across rows.

export interface PaddedBatch {
  batch: number;
  seq: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  positionIds: BigInt64Array;
  /** Per row: the number of pad columns on the left. */
  padding: number[];
}

export function leftPad(rows: number[][], padId: number): PaddedBatch {
  const batch = rows.length;
  const seq = Math.max(1, ...rows.map((r) => r.length));
  const inputIds = new BigInt64Array(batch * seq).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(batch * seq);
  const positionIds = new BigInt64Array(batch * seq);
  const padding: number[] = [];
  rows.forEach((row, b) => {
    const pad = seq - row.length;
    padding.push(pad);
    row.forEach((token, i) => {
      inputIds[b * seq + pad + i] = BigInt(token);
      attentionMask[b * seq + pad + i] = 1n;
      // Positions count real tokens only, so a padded row sees the same positions as when alone.
      positionIds[b * seq + pad + i] = BigInt(i);
    });
  });
  return { batch, seq, inputIds, attentionMask, positionIds, padding };
}
