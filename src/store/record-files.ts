// File names inside a run record folder, reports/<run-id>/ (DESIGN.md §1, schema/README.md).
export const MANIFEST_FILE = 'manifest.json';
export const SAMPLES_FILE = 'samples.jsonl';
export const RESULTS_FILE = 'results.json';
export const RESULTS_CSV_FILE = 'results.csv';
