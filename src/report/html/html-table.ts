// Tables for the static part of the pages. Cells are escaped by default: only a `{ html }` cell,
// which this code builds itself from escaped parts, is inserted as markup.
import { escapeHtml } from './escape.ts';

export type Cell = string | number | null | undefined | { html: string };

export function cellHtml(cell: Cell): string {
  if (cell === null || cell === undefined) return '<span class="na">–</span>';
  if (typeof cell === 'object') return cell.html;
  return escapeHtml(cell);
}

export function table(headers: string[], rows: Cell[][], options: { id?: string; caption?: string; numericFrom?: number } = {}): string {
  const numericFrom = options.numericFrom ?? Infinity;
  const head = headers.map((h, i) => `<th${i >= numericFrom ? ' class="num"' : ''} scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${cellHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const id = options.id === undefined ? '' : ` id="${escapeHtml(options.id)}"`;
  const caption = options.caption === undefined ? '' : `<caption>${escapeHtml(options.caption)}</caption>`;
  return `<table${id}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A definition list of key → value, values escaped. */
export function keyValues(entries: [string, Cell][]): string {
  return `<dl class="kv">${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${cellHtml(v)}</dd>`).join('')}</dl>`;
}
