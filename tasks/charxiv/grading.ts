// A deterministic stand-in for CharXiv's GPT-4o grader. The official evaluation (src/evaluate.py)
// asks gpt-4o-2024-05-13 to extract the final answer from each response and to score it 0/1 under a
// rubric per question type (constants.py REASONING_GRADING_INST, DESCRIPTIVE_GRADING_ICL). This
// file applies the parts of those rubrics that rules can decide and says where it cannot:
// - final answer: the last \boxed{}, else the text after the last "answer is" / "answer:", else the
//   last non-empty line; markdown emphasis, quotes and a final period removed;
// - numbers ("exactly equal in values, different notations acceptable": 1500 = 1.5e3 = 1,500,
//   0.01 = 10^-2): equal values after parsing both sides; the last number of the final answer;
// - terms: case, spacing, "$", "\", braces, Greek names (α = alpha) and a letter prefix "(a)" ignored;
//   several comma-separated terms compared as a list (descriptive legend labels: same order) or a set
//   (reasoning text-in-chart: "different orders acceptable");
// - yes/no, "n by m" layouts and "Not Applicable" (the response must say it) compared exactly.
// Not reproducible by rules: semantic equivalence (reasoning text-in-general without options,
// descriptive trend), paraphrased terms. Those count only when they match after normalisation, so
// this grader is stricter than GPT-4o there. README.md states the approximation.
import { answerText, extractLastBoxed } from '../../src/scoring/index.ts';

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu',
  ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};

/** The model's final answer, as a grader would pick it out of the response. */
export function finalAnswer(response: string): string {
  const text = answerText(response, []).trim();
  const boxed = extractLastBoxed(text);
  let answer: string;
  if (boxed !== null) answer = boxed;
  else {
    const markers = [...text.matchAll(/answer\s*(?:is|:)\s*:?/gi)];
    const last = markers[markers.length - 1];
    if (last !== undefined) answer = (text.slice((last.index ?? 0) + last[0].length).split('\n').find((l) => l.trim() !== '') ?? '').trim();
    else answer = text.split('\n').filter((l) => l.trim() !== '').pop() ?? '';
  }
  const unquote = (a: string) => a.trim().replace(/\.$/, '').trim().replace(/^["'“”]+|["'“”]+$/g, '').trim();
  return unquote(unquote(answer.replace(/\*\*|__|`/g, '')));
}

/** A term for comparison: lower case, no TeX markup, Greek letters spelled out, one space. */
export function normalizeTerm(term: string, dropLetterPrefix = false): string {
  let t = term.toLowerCase().replace(/\\text\{([^}]*)\}/g, '$1');
  t = [...t].map((ch) => GREEK[ch] ?? ch).join('');
  t = t.replace(/[$\\{}]/g, '').replace(/\s+/g, ' ').trim();
  t = t.replace(/^["'(]+|["').]+$/g, '').trim();
  if (dropLetterPrefix) t = t.replace(/^\(?[a-z]\)\s+/, '');
  return t;
}

const NUMBER_TOKEN = /[-+−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*(?:[eE][-+]?\d+|(?:[x×*·]|\\times|\\cdot)\s*10\s*\^\s*\{?\s*[-+−]?\d+\s*\}?))?%?|10\s*\^\s*\{?\s*[-+−]?\d+\s*\}?/g;

/** The value of a number as charts and answers write it: 1,500 / 1.5e3 / 1.5 × 10^3 / 10^{-2} / 12%. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/−/g, '-').replace(/%$/, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
  const power = /^10\s*\^\s*\{?\s*([-+]?\d+)\s*\}?$/.exec(t);
  if (power !== null) return 10 ** Number(power[1]);
  const scaled = /^([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*(?:[x×*·]|\\times|\\cdot)\s*10\s*\^\s*\{?\s*([-+]?\d+)\s*\}?$/.exec(t);
  if (scaled !== null) return Number(scaled[1]) * 10 ** Number(scaled[2]);
  if (/^[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return Number(t);
  return null;
}

/** The number a final answer states: all of it when it is a number, else its last number. */
export function answerNumber(answer: string): number | null {
  const whole = parseNumber(answer.replace(/^\$|\$$/g, ''));
  if (whole !== null) return whole;
  const tokens = answer.replace(/\$/g, '').match(NUMBER_TOKEN) ?? [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const v = parseNumber(tokens[i] as string);
    if (v !== null) return v;
  }
  return null;
}

export function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

const isNotApplicable = (s: string) => normalizeTerm(s) === 'not applicable';

function terms(s: string): string[] {
  return s.split(',').map((t) => normalizeTerm(t)).filter((t) => t !== '');
}

export type Rule = 'number' | 'term' | 'title' | 'terms-ordered' | 'terms-any-order' | 'yes-no' | 'layout' | 'number-or-term';

/** Rubric of each descriptive template id (descriptive_utils.py `get_rubric`). */
export function descriptiveRule(qid: number): Rule {
  if (qid === 1) return 'title';
  if (qid >= 2 && qid <= 7) return 'number-or-term'; // ocr: a number must have the same value
  if ([8, 9, 10, 12, 14, 15, 17, 19].includes(qid)) return 'number';
  if (qid === 11) return 'yes-no';
  if (qid === 13) return 'terms-ordered';
  if (qid === 18) return 'layout';
  return 'term'; // 16, trend: semantic equivalence is not reproducible
}

/** Rubric of each reasoning answer type (REASONING_GRADING_INST 1-4). */
export function reasoningRule(instCategory: number): Rule {
  if (instCategory === 1) return 'terms-any-order';
  if (instCategory === 2) return 'term';
  return 'number';
}

const layout = (s: string): string | null => {
  const m = /(\d+)\s*(?:by|x|×|\*)\s*(\d+)/i.exec(s);
  return m === null ? null : `${m[1]}x${m[2]}`;
};

/** 1 when the final answer agrees with the gold answer under `rule`, else 0. */
export function grade(answer: string, gold: string, rule: Rule): 0 | 1 {
  if (isNotApplicable(gold)) return isNotApplicable(answer) || /not applicable/i.test(answer) ? 1 : 0;
  if (isNotApplicable(answer)) return 0;
  let ok: boolean;
  switch (rule) {
    case 'number': {
      const g = parseNumber(gold);
      const a = answerNumber(answer);
      ok = g !== null ? a !== null && sameNumber(a, g) : normalizeTerm(answer) === normalizeTerm(gold);
      break;
    }
    case 'number-or-term': {
      const g = parseNumber(gold);
      const a = g === null ? null : parseNumber(answer.replace(/\$/g, ''));
      ok = g !== null && a !== null ? sameNumber(a, g) : normalizeTerm(answer) === normalizeTerm(gold);
      break;
    }
    case 'title':
      ok = normalizeTerm(answer, true) === normalizeTerm(gold, true);
      break;
    case 'terms-ordered':
      ok = terms(answer).join('|') === terms(gold).join('|');
      break;
    case 'terms-any-order':
      ok = normalizeTerm(answer, true) === normalizeTerm(gold, true) || terms(answer).sort().join('|') === terms(gold).sort().join('|');
      break;
    case 'yes-no': {
      const first = normalizeTerm(answer).split(/[\s,]+/)[0];
      ok = first === normalizeTerm(gold);
      break;
    }
    case 'layout':
      ok = layout(answer) !== null && layout(answer) === layout(gold);
      break;
    default:
      ok = normalizeTerm(answer) === normalizeTerm(gold);
  }
  return ok ? 1 : 0;
}
