// The bundled MMLU-Redux items (tasks/mmlu-redux/fixtures/<subject>/...parquet), written for this
// project in the official column layout; not taken from MMLU-Redux. Two questions are the bundled
// MMLU fixture's own, so that the two tasks' prompts can be compared. One subject uses the Hub's
// parquet-converter layout (<subject>/test/0000.parquet), the other push_to_hub's.
import type { ParquetColumn } from '../parquet-writer.ts';

interface Row {
  question: string;
  choices: string[];
  answer: number;
  errorType: string;
  source: string;
  correctAnswer: string | null;
  reason: string | null;
}

const ok = (question: string, choices: string[], answer: number, source: string): Row => ({ question, choices, answer, errorType: 'ok', source, correctAnswer: null, reason: null });

const ASTRONOMY: Row[] = [
  ok("A star's parallax angle is 0.1 arcseconds. How far away is it, in parsecs?", ['0.1', '1', '10', '100'], 2, 'https://example.org/astronomy-quiz'),
  { question: 'Which planet has the most moons?', choices: ['Mercury', 'Venus', 'Mars', 'Earth'], answer: 2, errorType: 'no_correct_answer', source: 'https://example.org/astronomy-quiz', correctAnswer: null, reason: 'None of the options is a gas giant.' },
  ok('Which gas makes up most of the atmosphere of Venus?', ['Nitrogen', 'Carbon dioxide', 'Oxygen', 'Methane'], 1, 'https://example.org/astronomy-quiz'),
  { question: 'How many planets orbit the Sun?', choices: ['7', '8', '9', '10'], answer: 2, errorType: 'wrong_groundtruth', source: 'https://example.org/astronomy-quiz', correctAnswer: 'B', reason: 'Pluto is a dwarf planet since 2006.' },
];

const COMPUTER_SECURITY: Row[] = [
  ok('Which of these is a symmetric-key cipher?', ['RSA', 'AES', 'Diffie-Hellman', 'ECDSA'], 1, 'https://example.org/security-quiz'),
  { question: 'Which one is secure?', choices: ['It', 'That', 'This', 'None'], answer: 0, errorType: 'bad_question_clarity', source: 'https://example.org/security-quiz', correctAnswer: null, reason: 'The question does not say what is compared.' },
  ok('What does a firewall mainly filter?', ['Electricity', 'Network traffic', 'Keystrokes', 'Disk sectors'], 1, 'https://example.org/security-quiz'),
];

function columns(rows: Row[]): ParquetColumn[] {
  return [
    { name: 'question', kind: 'string', values: rows.map((r) => r.question) },
    { name: 'choices', kind: 'string-list', values: rows.map((r) => r.choices) },
    { name: 'answer', kind: 'int64', values: rows.map((r) => r.answer) },
    { name: 'error_type', kind: 'string', values: rows.map((r) => r.errorType) },
    { name: 'source', kind: 'string', values: rows.map((r) => r.source) },
    { name: 'correct_answer', kind: 'string', values: rows.map((r) => r.correctAnswer) },
    { name: 'potential_reason', kind: 'string', values: rows.map((r) => r.reason) },
  ];
}

export const MMLU_REDUX_FIXTURES: Record<string, ParquetColumn[]> = {
  'tasks/mmlu-redux/fixtures/astronomy/test-00000-of-00001.parquet': columns(ASTRONOMY),
  'tasks/mmlu-redux/fixtures/computer_security/test/0000.parquet': columns(COMPUTER_SECURITY),
};
