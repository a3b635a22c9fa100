// Small helpers shared by the Markdown writers. GitHub renders HTML inside Markdown, so cell
// text is escaped for HTML as well as for the table syntax: a record is untrusted input.
export function mdCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.map(mdCell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)];
}

export const pct = (v: number): string => `${(v * 100).toFixed(2)}`;
export const fmt = (v: number | null | undefined, digits = 2): string => (v === null || v === undefined ? 'n/a' : v.toFixed(digits));

/** GitHub's limit for one step's $GITHUB_STEP_SUMMARY (1 MiB); we stay far below it. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
