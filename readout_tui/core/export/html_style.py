"""The stylesheet of the HTML report, inlined so the file works offline with no assets.

Kept apart from the writer so the markup code stays readable. System fonts only; colours
meet WCAG AA contrast on white; ``@media print`` gives a clean A4 landscape document.
"""

CSS = """
:root {
  --ink: #1d2433; --muted: #5b6475; --rule: #d9dee7; --paper: #ffffff; --wash: #f5f7fa;
  --del-ink: #9f1c14; --del-bg: #fde7e5; --ins-ink: #05603a; --ins-bg: #ddf6e6;
  --typo: #a01a7d; --accent: #1f4f99; --flag: #b54708; --flag-bg: #fef0c7;
  --ok: #067647; --ok-bg: #dcfae6; --bad: #b42318; --bad-bg: #fee4e2;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--wash);
  font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.page { max-width: 1400px; margin: 0 auto; padding: 28px 32px 48px; background: var(--paper);
  min-height: 100vh; box-shadow: 0 0 0 1px var(--rule); }
header.report { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 8px; }
.kicker { margin: 0; font-size: 12px; letter-spacing: .08em; text-transform: uppercase;
  color: var(--muted); font-weight: 600; }
h1 { font-size: 26px; line-height: 1.25; margin: 4px 0 14px; font-weight: 700; }
h2 { font-size: 19px; margin: 34px 0 12px; padding-bottom: 6px;
  border-bottom: 1px solid var(--rule); }
h3 { font-size: 16px; margin: 22px 0 8px; }
.docs { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin: 0; }
.doc { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; margin: 0; }
.doc dt { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  font-weight: 600; }
.doc dd { margin: 0; overflow-wrap: anywhere; }
.doc .name { font-weight: 600; }
.doc .meta, .small { font-size: 12.5px; color: var(--muted); }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 12px; }
nav.toc { margin-top: 12px; font-size: 13.5px; }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 16px; }
nav.toc a:hover { text-decoration: underline; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.card .v { font-size: 22px; font-weight: 700; line-height: 1.2; }
.card .k { font-size: 12.5px; color: var(--muted); }
.counts { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 32px; margin-top: 16px; }
table { border-collapse: collapse; }
table.kv td, table.kv th { padding: 2px 12px 2px 0; text-align: left; font-size: 13.5px; }
table.kv th { color: var(--muted); font-weight: 600; }
table.kv td.n { text-align: right; font-variant-numeric: tabular-nums; }
.notices { margin: 12px 0 0; padding: 8px 12px; background: var(--flag-bg); border-radius: 6px;
  font-size: 13.5px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 22px; font-size: 13.5px; margin: 0;
  padding: 0; list-style: none; }
table.sbs { width: 100%; table-layout: fixed; }
table.sbs th { text-align: left; font-size: 12.5px; text-transform: uppercase;
  letter-spacing: .05em;
  color: var(--muted); padding: 6px 10px; border-bottom: 2px solid var(--ink);
  position: sticky; top: 0; background: var(--paper); }
table.sbs col.meta { width: 128px; }
table.sbs td { vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--rule); }
table.sbs td.meta { font-size: 12px; color: var(--muted); }
table.sbs td p { margin: 0 0 .6em; }
table.sbs td p:last-child { margin-bottom: 0; }
td.empty { background: repeating-linear-gradient(135deg, #fafbfc 0 6px, #f1f3f6 6px 12px); }
td.empty span { font-size: 12px; color: var(--muted); font-style: italic; }
tr.op-equal td.meta .op { color: #98a2b3; }
tr.op-boilerplate td { color: #98a2b3; font-size: 13px; }
tr.op-delete td.l { background: #fff6f5; }
tr.op-insert td.r { background: #f3fcf6; }
.op { display: inline-block; font-weight: 600; color: var(--ink); }
.sim { display: block; font-variant-numeric: tabular-nums; }
del, ins { text-decoration: none; border-radius: 2px; padding: 0 1px; }
del { color: var(--del-ink); background: var(--del-bg); text-decoration: line-through;
  text-decoration-color: rgba(159, 28, 20, .55); }
ins { color: var(--ins-ink); background: var(--ins-bg); }
del.whole, ins.whole { text-decoration: none; background: none; padding: 0; }
.typo { text-decoration: underline wavy var(--typo); text-underline-offset: 3px;
  color: var(--typo); }
.sugg { color: var(--typo); font-size: 12px; }
.artifact { color: #98a2b3; text-decoration: line-through; background: #f2f4f7; }
.pb { color: #98a2b3; padding: 0 3px; }
.norm { opacity: .75; }
.st { display: inline-block; font-size: 11px; font-weight: 700; line-height: 1; padding: 2px 5px;
  border-radius: 9px; vertical-align: 1px; margin-left: 2px; white-space: nowrap; }
.st-accepted { color: var(--ok); background: var(--ok-bg); }
.st-flagged { color: var(--flag); background: var(--flag-bg); }
.st-rejected { color: var(--bad); background: var(--bad-bg); }
.st-unreviewed { color: var(--muted); background: #eef1f5; }
sup.fnref { font-size: 11px; line-height: 0; }
sup.fnref a { color: var(--accent); text-decoration: none; font-weight: 700; padding: 0 1px; }
.tag { display: inline-block; font-size: 11px; border: 1px solid var(--rule); border-radius: 3px;
  padding: 0 4px; color: var(--muted); margin-left: 3px; }
.rl { border-left: 4px solid var(--rule); padding: 6px 0 6px 14px; margin: 0 0 14px; }
.rl.op-delete { border-left-color: #f4a29b; }
.rl.op-insert { border-left-color: #8ad7a8; }
.rl.op-edit, .rl.op-split, .rl.op-merge { border-left-color: #9db4dc; }
.rl .head { font-size: 12px; color: var(--muted); margin-bottom: 4px; }
.rl .head .op { color: var(--ink); }
.rl p { margin: 0 0 .5em; max-width: 96ch; }
.rl.op-delete p { color: var(--del-ink); }
.rl.op-insert p { color: var(--ins-ink); }
table.grid { width: 100%; font-size: 13.5px; }
table.commitments { table-layout: fixed; }
table.grid th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted); border-bottom: 2px solid var(--ink); padding: 5px 8px; }
table.grid td { border-bottom: 1px solid var(--rule); padding: 6px 8px; vertical-align: top; }
.cstatus { font-weight: 700; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.cs-dropped { color: var(--bad); } .cs-added { color: var(--ok); } .cs-kept { color: var(--muted); }
.cs-softened, .cs-strengthened, .cs-reattributed, .cs-changed { color: var(--flag); }
.dots { letter-spacing: 1px; color: var(--accent); white-space: nowrap; }
blockquote.clause { margin: 0; }
blockquote.clause strong { font-weight: 700; background: #eef3fb; }
.side { display: block; font-size: 11px; color: var(--muted); text-transform: uppercase;
  letter-spacing: .05em; }
ol.notes { padding-left: 26px; }
ol.notes li { margin-bottom: 10px; }
ol.notes li:target { background: #fff8db; }
.note-text { margin: 2px 0; white-space: pre-wrap; }
del + ins { margin-left: 2px; }
ol.notes a { color: var(--accent); }
.back a { color: var(--accent); text-decoration: none; margin-right: 6px; font-size: 13px; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 12px;
  color: var(--muted); }
:target { scroll-margin-top: 40px; }
@media (max-width: 900px) {
  .page { padding: 16px; } .docs { grid-template-columns: 1fr; }
  table.sbs col.meta { width: 84px; }
}
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { background: none; font-size: 10pt; }
  .page { box-shadow: none; padding: 0; max-width: none; }
  nav.toc { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.sbs th { position: static; }
  tr, .rl, ol.notes li, .card, .counts, .cards, .legend { break-inside: avoid; }
  .docs { grid-template-columns: 1fr 1fr; }
  h2, h3 { break-after: avoid; }
  section#inline { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
"""
