// Public entry point of the report layer: renders from the run record alone (DESIGN.md §2).
// (charts, html, markdown, junit, baselines and compare join here.)
export { writeResultsCsv, resultsCsv, resultsCsvRows, RESULTS_CSV_COLUMNS } from './results-csv.ts';
export type { ResultsCsvColumn } from './results-csv.ts';
