/**
 * @module admin/views/styles
 * The admin pages' one stylesheet, inlined into each page: no asset pipeline, no external
 * fonts (DejaVu Sans from the system, as in the diagrams), readable on an office monitor and
 * on paper.
 */
export const styles = `
:root { --ink:#1f2937; --muted:#5b6475; --line:#dde2ea; --bg:#f5f7fa; --accent:#2f5d9b; --bad:#b71c1c; --good:#2e7d50; --warn:#9a6b00; }
* { box-sizing: border-box; }
body { margin:0; font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; font-size:15px; color:var(--ink); background:var(--bg); line-height:1.45; }
a { color:var(--accent); }
header.top { background:#1f3a5f; color:#fff; padding:10px 24px; display:flex; align-items:center; gap:24px; flex-wrap:wrap; }
header.top .brand { font-weight:700; font-size:17px; color:#fff; text-decoration:none; }
header.top nav a { color:#dbe7f7; text-decoration:none; margin-right:18px; }
header.top nav a[aria-current=page] { color:#fff; border-bottom:2px solid #fff; padding-bottom:2px; }
header.top .who { margin-left:auto; font-size:13px; color:#dbe7f7; display:flex; gap:12px; align-items:center; }
header.top .who button { background:transparent; color:#fff; border:1px solid #8fb0d8; border-radius:4px; padding:3px 10px; cursor:pointer; font:inherit; font-size:13px; }
main { max-width:1240px; margin:0 auto; padding:20px 24px 48px; }
h1 { font-size:24px; margin:6px 0 14px; }
h2 { font-size:19px; margin:26px 0 10px; }
h3 { font-size:16px; margin:18px 0 8px; }
.crumbs { font-size:13px; color:var(--muted); margin-bottom:4px; }
.crumbs a { color:var(--muted); }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 18px; margin-bottom:16px; }
.cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(260px,1fr)); gap:14px; }
.figure { font-size:30px; font-weight:700; }
.figure.bad { color:var(--bad); } .figure.good { color:var(--good); } .figure.warn { color:var(--warn); }
.label { color:var(--muted); font-size:13px; }
table { border-collapse:collapse; width:100%; background:#fff; }
th, td { text-align:left; padding:7px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:13px; color:var(--muted); font-weight:600; background:#fafbfc; }
td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
tr.total th { background:#eef2f7; color:var(--ink); }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12.5px; background:#eef3fa; color:#2f4a73; white-space:nowrap; }
td .badge { white-space:normal; }
.badge.bad { background:#fbe3e1; color:var(--bad); font-weight:600; }
.badge.good { background:#e2f2e7; color:var(--good); }
.badge.warn { background:#fff1c7; color:var(--warn); }
.diagram { overflow:auto; background:#fff; border:1px solid var(--line); border-radius:8px; padding:8px; }
.diagram svg { display:block; margin:0 auto; max-width:100%; height:auto; }
.diagram a.state-link:hover rect { stroke-width:3; }
.legend { display:flex; gap:16px; flex-wrap:wrap; font-size:13px; color:var(--muted); margin:8px 0; align-items:center; }
.legend i { display:inline-block; width:14px; height:14px; border-radius:3px; vertical-align:-2px; margin-right:5px; border:1px solid rgba(0,0,0,.2); }
form.inline { display:flex; gap:10px; align-items:end; flex-wrap:wrap; margin:8px 0 12px; }
form.inline label { font-size:13px; color:var(--muted); display:flex; flex-direction:column; gap:3px; }
input, select, textarea, button { font:inherit; }
input, select, textarea { padding:6px 8px; border:1px solid #b9c2cf; border-radius:5px; background:#fff; }
button.primary, a.button { background:var(--accent); color:#fff; border:0; border-radius:5px; padding:7px 16px; cursor:pointer; text-decoration:none; display:inline-block; }
.timeline { list-style:none; margin:0; padding:0 0 0 18px; border-left:3px solid #c9d5e6; }
.timeline > li { position:relative; margin:0 0 14px; padding-left:12px; }
.timeline > li::before { content:''; position:absolute; left:-27px; top:5px; width:13px; height:13px; border-radius:50%; background:#fff; border:3px solid var(--accent); }
.timeline .when { color:var(--muted); font-size:13px; }
.ground { border-left:3px solid var(--bad); background:#fdf3f2; padding:6px 10px; margin:6px 0; border-radius:0 5px 5px 0; }
.ground.passed { border-color:var(--good); background:#f1f8f3; }
.ground .citation { font-size:12.5px; color:var(--muted); }
.ground ul { margin:4px 0 0; padding-left:20px; }
.grid2 { display:grid; grid-template-columns: minmax(0,3fr) minmax(0,2fr); gap:18px; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
.empty { color:var(--muted); font-style:italic; }
.error { background:#fbe3e1; color:var(--bad); padding:10px 14px; border-radius:6px; margin:10px 0; }
.login { max-width:520px; margin:60px auto; }
.login textarea { width:100%; min-height:110px; font-family:'DejaVu Sans Mono', monospace; font-size:12.5px; }
.muted { color:var(--muted); }
.mono { font-family:'DejaVu Sans Mono', monospace; font-size:13px; }
.charts { display:grid; grid-template-columns:repeat(auto-fit,minmax(560px,1fr)); gap:14px; }
.charts svg { width:100%; height:auto; }
@media print { header.top, form.inline, .noprint { display:none; } body { background:#fff; } .card { border:0; } }
`;
