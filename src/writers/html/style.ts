/**
 * The page's stylesheet, inlined so the file stands alone (a WeChat article or an email links
 * to it; nothing is fetched from another host). Mobile first: the WeChat in-app browser is 360–414
 * px wide; wider screens get a wider measure and a larger type. Colours come from the theme, so
 * the web page and the PDF share them; sizes do not (points on A4 are not pixels on a phone).
 */

import { themeColor, type Theme } from '../theme.js';

/** The phone/desktop boundary, also used by the inline script that folds the TOC on phones. */
export const narrowScreen = '(max-width: 40em)';

/** A CSS colour from the theme: only "#rrggbb" passes (the theme schema checks it too). */
function colour(value: string, fallback: string): string {
  return themeColor.test(value) ? value : fallback;
}

export function stylesheet(theme: Theme): string {
  const c = theme.colors;
  return `:root{--text:${colour(c.text, '#1f1f1f')};--accent:${colour(c.accent, '#8b1a1a')};--muted:${colour(c.muted, '#666666')};--link:${colour(c.link, '#1a4f8b')};--rule:${colour(c.rule, '#b3b3b3')};--head-fill:${colour(c.tableHeaderFill, '#efe6e6')};--label-fill:${colour(c.tableLabelFill, '#f5f0f0')}}
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--text);background:#fff;font-family:"PingFang TC","Microsoft JhengHei","Noto Sans TC","Noto Sans CJK TC","Source Han Sans TC",system-ui,sans-serif;font-size:1rem;line-height:1.75;line-break:strict;overflow-wrap:anywhere}
.page{max-width:46rem;margin:0 auto;padding:0 1rem 3rem}
p,li,td{text-align:justify;text-justify:inter-character}
a{color:var(--link);text-underline-offset:.15em}
a:focus-visible,summary:focus-visible,.table-scroll:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
h1,h2,h3{line-height:1.4;scroll-margin-top:.5rem}
h1{color:var(--accent);font-size:1.5rem;margin:2.5rem 0 1rem;padding-bottom:.3rem;border-bottom:2px solid var(--accent)}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{color:var(--accent);font-size:1.0625rem;margin:1.25rem 0 .5rem}
.cover{text-align:center;padding:2.5rem 0 1.5rem;border-bottom:1px solid var(--rule)}
.cover p{text-align:center;margin:.25rem 0}
.cover .title{color:var(--accent);font-size:1.75rem;font-weight:bold;line-height:1.4;margin:0 0 .75rem}
.cover .subtitle{font-size:1.25rem;margin-bottom:1.25rem}
.lead{color:#333}
.note{color:var(--muted);font-size:.875rem;text-align:left}
.letter{text-indent:2em}
.signature{text-align:right}
ul,ol{padding-left:1.5em;margin:.5rem 0}
li{margin:.25rem 0}
li>p{margin:.25rem 0}
hr{border:0;border-top:1px solid var(--rule);margin:2rem 0}
.page-break{display:none}
nav.toc{margin:1.5rem 0;border:1px solid var(--rule);border-radius:.5rem;background:#fafafa}
nav.toc summary{min-height:2.75rem;padding:.5rem 1rem;cursor:pointer;font-weight:bold;font-size:1.125rem;display:flex;align-items:center;gap:.5rem}
nav.toc ol{list-style:none;margin:0;padding:0 .5rem .75rem}
nav.toc li{margin:0;text-align:left}
nav.toc ol ol{padding:0 0 0 1.25rem}
nav.toc a{display:flex;align-items:center;min-height:2.75rem;padding:.25rem .5rem;text-decoration:none}
nav.toc .toc-1>a{font-weight:bold;color:var(--accent)}
.table-scroll{overflow-x:auto;margin:.75rem 0 1.25rem;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:1rem}
th,td{border:1px solid var(--rule);padding:.5rem .625rem;vertical-align:top;text-align:left}
td{text-align:justify}
thead th{background:var(--head-fill)}
table.grid{min-width:calc(var(--columns,2) * 10em)}
/* A grid scrolls in its box: its cells break only between words, and phone numbers stay whole. */
table.grid td,table.grid th{text-align:left;overflow-wrap:normal;min-width:8.5em}
table.card th[scope=row]{background:var(--label-fill);width:6.5em;white-space:nowrap;font-weight:bold}
td>p:first-child,th>p:first-child{margin-top:0}
td>p:last-child,th>p:last-child,td>ul:last-child,td>ol:last-child{margin-bottom:0}
td>ul,td>ol{padding-left:1.25em}
figure.qr{display:flex;align-items:flex-start;gap:.75rem;margin:.25rem 0}
figure.qr svg{flex:none;width:5.5rem;height:5.5rem}
figure.qr figcaption{min-width:0}
figure.qr a{display:inline-flex;align-items:center;min-height:2.75rem}
.qr-url{display:block;color:var(--muted);font-size:.875rem;overflow-wrap:anywhere}
@media (min-width:48em){body{font-size:1.0625rem}.page{padding:0 2rem 4rem}h1{font-size:1.75rem}.cover .title{font-size:2.25rem}}
@media print{
@page{size:A4;margin:20mm 18mm}
body{font-size:10.5pt}
.page{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
nav.toc{border:0;background:none}
nav.toc summary{list-style:none}
nav.toc a{min-height:0;padding:0}
.page-break{display:block;break-after:page}
.table-scroll{overflow:visible}
table.grid{min-width:0}
tr,figure.qr,h1,h2,h3{break-inside:avoid}
h1,h2,h3{break-after:avoid}
}
`;
}
