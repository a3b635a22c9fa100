// The top-level fields of one JSON object, each as its raw JSON text. EvalPlus's test inputs
// must reach Python untouched: they hold integers beyond 2^53 (JSON.parse would round them) and,
// written by Python's json.dumps, may hold NaN / Infinity (which JSON.parse rejects). So a line is
// split into fields here, the small fields are parsed one by one, and the inputs travel as text.

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  return i;
}

/** Index just past the JSON string starting at `i` (which must be a quote). */
function endOfString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  throw new Error('unterminated string');
}

/** Index just past the JSON value starting at `i`. */
function endOfValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return endOfString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = endOfString(text, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw new Error('unterminated array or object');
  }
  let j = i;
  while (j < text.length && !',}] \t\r\n'.includes(text[j] as string)) j++;
  if (j === i) throw new Error(`unexpected ${JSON.stringify(text[i] ?? 'end of line')} at column ${i + 1}`);
  return j;
}

/** Field name → raw JSON text of its value. Throws (with a reason) on text that is not one object. */
export function rawJsonFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = skipSpace(text, 0);
  if (text[i] !== '{') throw new Error('expected a JSON object');
  i = skipSpace(text, i + 1);
  if (text[i] === '}') return fields;
  for (;;) {
    if (text[i] !== '"') throw new Error(`expected a field name at column ${i + 1}`);
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') throw new Error(`expected ":" at column ${i + 1}`);
    i = skipSpace(text, i + 1);
    const end = endOfValue(text, i);
    fields.set(key, text.slice(i, end));
    i = skipSpace(text, end);
    if (text[i] === '}') break;
    if (text[i] !== ',') throw new Error(`expected "," or "}" at column ${i + 1}`);
    i = skipSpace(text, i + 1);
  }
  if (skipSpace(text, i + 1) !== text.length) throw new Error('text after the object');
  return fields;
}
