// The run's provenance (manifest.json): what ran, on what, from which data. Every value is shown
// as escaped text; the full manifest follows as JSON for anything the tables leave out.
import type { Manifest } from '../../core/index.ts';
import { escapeHtml } from './escape.ts';
import { keyValues, table, type Cell } from './html-table.ts';

export function provenanceSection(manifest: Manifest, warnings: string[]): string {
  const h = manifest.harness;
  const hw = manifest.hardware;
  const overview = keyValues([
    ['run id', manifest.runId],
    ['created', manifest.createdAt],
    ['harness', `${h.name} ${h.version}, commit ${h.gitCommit ?? 'n/a'}${h.gitDirty === true ? ' (uncommitted changes)' : ''}`],
    ['model', `${manifest.model.modelName} (${manifest.model.kind}: ${manifest.model.location})`],
    ['model fingerprint', manifest.model.fingerprint],
    ['run spec hash', manifest.runSpecHash],
    ['hardware', `${hw.cpuModel}, ${hw.cpuCount} CPUs, ${(hw.memoryBytes / 2 ** 30).toFixed(1)} GiB, ${hw.platform}/${hw.arch}, Node ${hw.node}${hw.onnxruntime === undefined ? '' : `, onnxruntime ${hw.onnxruntime}`}`],
  ]);
  const files: Cell[][] = [];
  for (const [task, d] of Object.entries(manifest.datasets)) for (const f of d.files) files.push([task, d.source, f.path, f.bytes, f.sha256]);
  const warningList = warnings.length === 0 ? '' : `<ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
  return `<section id="provenance"><h2>Provenance</h2>
${warningList}
${overview}
${table(['task', 'source', 'file', 'bytes', 'sha256'], files, { caption: 'Dataset files' })}
<details><summary>manifest.json</summary><pre>${escapeHtml(JSON.stringify(manifest, null, 2))}</pre></details>
</section>`;
}
