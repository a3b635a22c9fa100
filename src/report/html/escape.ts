// Everything a run record holds is untrusted text: a model output can contain `<script>`,
// `</textarea>` or an `onerror=` attribute, and a prompt can too. These are the only two ways
// record data enters report.html: escaped as HTML text/attribute, or as JSON inside a
// `<script type="application/json">` block that the page reads with textContent + JSON.parse.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for HTML text and for double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON safe to place inside a `<script type="application/json">` element. Script content is raw
 * text ended by the first `</script` (case-insensitive) and confused by `<!--`, so every `<` is
 * written as the JSON escape `\u003c`; JSON.parse turns it back into `<`. `>` and `&` are escaped
 * too so the block is also inert if someone later moves it into an attribute or HTML comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
