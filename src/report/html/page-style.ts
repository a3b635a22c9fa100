// The pages' stylesheet, inlined (report.html opens from disk with no network).
export const PAGE_STYLE = `
:root { --fg: #1b1f23; --muted: #57606a; --line: #d0d7de; --bg2: #f6f8fa; --good: #1a7f37; --bad: #cf222e; --warn: #9a6700; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2rem; }
h3 small { color: var(--muted); font-weight: normal; }
nav a { margin-right: 1rem; }
table { border-collapse: collapse; margin: 0.6rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
th { background: var(--bg2); } td.num, th.num { text-align: right; }
caption { text-align: left; color: var(--muted); padding: 0.2rem 0; }
.na, .note { color: var(--muted); } .better { color: var(--good); } .worse { color: var(--bad); }
.warnings li { color: var(--warn); }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dl.kv dt { color: var(--muted); } dl.kv dd { margin: 0; word-break: break-all; }
pre { white-space: pre-wrap; word-break: break-word; background: var(--bg2); padding: 0.5rem; margin: 0.2rem 0; max-height: 28rem; overflow: auto; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 1rem; }
.chart { position: relative; height: 340px; border: 1px solid var(--line); padding: 0.5rem; }
#sb-controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0; }
#sb-search { flex: 1 1 20rem; padding: 0.3rem; font: inherit; }
.sb-filter { font: inherit; padding: 0.2rem 0.6rem; border: 1px solid var(--line); background: white; border-radius: 4px; cursor: pointer; }
.sb-filter[aria-pressed="true"] { background: var(--fg); color: white; }
#sb-count { color: var(--muted); }
.sb-split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
#sb-viewport { height: 520px; overflow-y: auto; position: relative; border: 1px solid var(--line); }
#sb-spacer { position: relative; }
.sb-row { position: absolute; left: 0; right: 0; height: 30px; display: flex; gap: 0.5rem; align-items: center; padding: 0 0.4rem; border-bottom: 1px solid var(--bg2); cursor: pointer; white-space: nowrap; }
.sb-row:hover, .sb-row:focus { background: var(--bg2); } .sb-selected { outline: 2px solid #0969da; outline-offset: -2px; }
.sb-cell { overflow: hidden; text-overflow: ellipsis; flex: 1 1 0; min-width: 0; } .sb-task, .sb-id { flex: 0 0 7rem; }
.sb-badge { flex: 0 0 4.5rem; font-size: 0.8rem; text-align: center; border-radius: 3px; color: white; }
.sb-correct, .sb-fixed { background: var(--good); } .sb-wrong, .sb-broken { background: var(--bad); } .sb-error { background: var(--warn); }
#sb-detail { border: 1px solid var(--line); padding: 0 0.6rem; height: 520px; overflow: auto; }
.sb-field h4 { margin: 0.6rem 0 0.1rem; } .sb-empty { color: var(--muted); }
`;
