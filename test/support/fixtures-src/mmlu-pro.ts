// The bundled MMLU-Pro items (tasks/mmlu-pro/fixtures/data/*.parquet), written for this project in
// the official column layout; not taken from MMLU-Pro. Regenerate the Parquet files with
// `npx tsx test/support/write-parquet-fixtures.ts`; test/tasks/mmlu-pro.test.ts checks they match.
import type { ParquetColumn } from '../parquet-writer.ts';

interface Row {
  id: number;
  question: string;
  options: string[];
  answer: number;
  cot: string;
  category: string;
  src: string;
}

const L = 'ABCDEFGHIJ';
const cot = (text: string, answer: number): string => `A: Let's think step by step. ${text} The answer is (${L[answer]}).`;

const VALIDATION: Row[] = [
  { id: 1, category: 'math', src: 'ori_mmlu-elementary_mathematics', question: 'What is 7 + 8?', options: ['13', '14', '15', '16', '17', '18', '19', '20', '21', '22'], answer: 2, cot: cot('7 + 8 = 15.', 2) },
  { id: 2, category: 'math', src: 'ori_mmlu-elementary_mathematics', question: 'What is 6 times 7?', options: ['36', '40', '42', '48', '49', '54', '56', '63', '64', '72'], answer: 2, cot: cot('6 * 7 = 42.', 2) },
  { id: 3, category: 'math', src: 'stemez-Algebra', question: 'Solve 2x + 3 = 11 for x.', options: ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11'], answer: 2, cot: cot('2x = 8, so x = 4.', 2) },
  { id: 4, category: 'math', src: 'theoremqa', question: 'What is the square root of 81?', options: ['7', '8', '9', '10', '11', '12', '13', '14', '15', '16'], answer: 2, cot: cot('9 * 9 = 81.', 2) },
  { id: 5, category: 'math', src: 'scibench', question: 'What is 100 divided by 4?', options: ['20', '25', '30', '35', '40', '45', '50', '55', '60', '65'], answer: 1, cot: cot('100 / 4 = 25.', 1) },
  { id: 6, category: 'computer science', src: 'ori_mmlu-college_computer_science', question: 'How many bits are in a byte?', options: ['4', '6', '8', '10', '12', '16', '24', '32', '48', '64'], answer: 2, cot: cot('A byte has 8 bits.', 2) },
  { id: 7, category: 'computer science', src: 'ori_mmlu-high_school_computer_science', question: 'Which data structure is first-in, first-out?', options: ['stack', 'queue', 'heap', 'tree', 'graph', 'set', 'map', 'trie', 'array', 'list'], answer: 1, cot: cot('A queue removes the oldest element first.', 1) },
  { id: 8, category: 'computer science', src: 'stemez-ComputerScience', question: 'What is 1010 in binary, written in decimal?', options: ['8', '9', '10', '11', '12', '13', '14', '15', '16', '17'], answer: 2, cot: cot('8 + 2 = 10.', 2) },
  { id: 9, category: 'computer science', src: 'ori_mmlu-computer_security', question: 'Which of these is a hash function?', options: ['AES', 'RSA', 'SHA-256', 'DES', 'ECDSA', 'Diffie-Hellman', 'Blowfish', 'RC4', 'ElGamal', 'Twofish'], answer: 2, cot: cot('SHA-256 is a hash function; the others are ciphers or key exchanges.', 2) },
  { id: 10, category: 'computer science', src: 'ori_mmlu-machine_learning', question: 'Binary search on a sorted list of n items takes time proportional to', options: ['1', 'log n', 'n', 'n log n', 'n^2'], answer: 1, cot: cot('Each step halves the list.', 1) },
];

const TEST: Row[] = [
  { id: 101, category: 'math', src: 'ori_mmlu-high_school_mathematics', question: 'What is 12 squared?', options: ['124', '132', '144', '156', '168', '112', '122', '142', '146', '148'], answer: 2, cot: '' },
  { id: 102, category: 'computer science', src: 'stemez-ComputerScience', question: 'Which sorting algorithm has the best worst-case time on n items?', options: [' merge sort ', 'bubble sort', 'insertion sort', 'selection sort'], answer: 0, cot: '' },
  { id: 103, category: 'math', src: 'scibench', question: 'A rectangle is 3 m by 5 m. What is its area in square metres?', options: ['8', '15', '16', '30', '9', '25', '12', '18', '20', '10'], answer: 1, cot: '' },
  { id: 104, category: 'computer science', src: 'ori_mmlu-college_computer_science', question: 'How many distinct values can 3 bits represent?', options: ['3', '6', '8', '9', '16', '2', '4', '12', '27', '32'], answer: 2, cot: '' },
];

function columns(rows: Row[]): ParquetColumn[] {
  return [
    { name: 'question_id', kind: 'int64', values: rows.map((r) => r.id) },
    { name: 'question', kind: 'string', values: rows.map((r) => r.question) },
    { name: 'options', kind: 'string-list', values: rows.map((r) => r.options) },
    { name: 'answer', kind: 'string', values: rows.map((r) => L[r.answer] as string) },
    { name: 'answer_index', kind: 'int64', values: rows.map((r) => r.answer) },
    { name: 'cot_content', kind: 'string', values: rows.map((r) => r.cot) },
    { name: 'category', kind: 'string', values: rows.map((r) => r.category) },
    { name: 'src', kind: 'string', values: rows.map((r) => r.src) },
  ];
}

export const MMLU_PRO_FIXTURES: Record<string, ParquetColumn[]> = {
  'tasks/mmlu-pro/fixtures/data/test-00000-of-00001.parquet': columns(TEST),
  'tasks/mmlu-pro/fixtures/data/validation-00000-of-00001.parquet': columns(VALIDATION),
};
