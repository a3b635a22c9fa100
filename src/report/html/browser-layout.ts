// How the in-page sample browser reads its rows: which array position holds what. Sent to the
// page with the rows, so the client script (browser-script.ts) has no indices of its own and
// serves both report.html (correct / wrong / error) and the compare page (fixed / broken).

export interface BrowserField {
  label: string;
  /** Row position of the text. */
  index: number;
  /** Row position of an index into `prefixes` to prepend (the shared few-shot part of a prompt). */
  prefixIndex?: number;
}

export interface BrowserLayout {
  /** Row position of the task index (into `tasks`). */
  task: number;
  /** Row position of the sample id. */
  id: number;
  /** Row position of the status code (index into `statuses`). */
  status: number;
  statuses: string[];
  /** Short columns of the list, beside status, task and id. */
  list: BrowserField[];
  /** Full texts of the selected sample. */
  detail: BrowserField[];
  /** Row positions the search box looks in (the shared prefixes are left out: every row has them). */
  search: number[];
}

export interface BrowserPayload {
  layout: BrowserLayout;
  tasks: string[];
  prefixes: string[];
  rows: unknown[][];
}
