// The words of the live controls, in each language a note is exported in. The page's own
// `lang` picks them; a language without a table falls back to English.

export interface LiveStrings {
  run: string;
  runAgain: string;
  stop: string;
  reset: string;
  toolbar: string;
  note: string;
  loading: string;
  running: string;
  done: string;
  failed: string;
  notRun: string;
  editor: string;
  resetDone: string;
  stopped: string;
  sliderHint: string;
}

const EN: LiveStrings = {
  run: "Run in browser",
  runAgain: "Run again",
  stop: "Stop",
  reset: "Reset",
  toolbar: "Run this note",
  note: "Runs here, in your browser, with the notes' own mlekit: edit any cell, then run again (Shift+Enter in a cell). Types are not checked in the page; the notebook's kernel checks them.",
  loading: "Loading the runtime…",
  running: "Running cell {n} of {total}…",
  done: "Done: {total} cells ran in {s} s.",
  failed: "Cell {n} failed; the cells after it did not run.",
  notRun: "Not run: cell {n} above failed.",
  editor: "Code cell {n}",
  resetDone: "The original cells and outputs are back.",
  stopped: "Stopped.",
  sliderHint: "computed in the page",
};

const ZH: LiveStrings = {
  run: "在浏览器中运行",
  runAgain: "重新运行",
  stop: "停止",
  reset: "重置",
  toolbar: "运行本笔记",
  note: "代码就在本页、在你的浏览器中用笔记自带的 mlekit 运行：可修改任意单元，然后重新运行（在单元中按 Shift+Enter）。页面中不检查类型，类型由笔记本的内核检查。",
  loading: "正在加载运行环境…",
  running: "正在运行第 {n} 个单元（共 {total} 个）…",
  done: "完成：{total} 个单元运行了 {s} 秒。",
  failed: "第 {n} 个单元出错，之后的单元没有运行。",
  notRun: "未运行：上面的第 {n} 个单元出错。",
  editor: "代码单元 {n}",
  resetDone: "已恢复原始的单元和输出。",
  stopped: "已停止。",
  sliderHint: "在页面中计算",
};

const TABLES: Record<string, LiveStrings> = { en: EN, zh: ZH };

/** The strings for a page language (`zh`, `zh-CN`, `en`, …); English when there is no table. */
export function liveStrings(lang: string | null | undefined): LiveStrings {
  const base = String(lang ?? "en")
    .toLowerCase()
    .split("-")[0];
  return TABLES[base] ?? EN;
}

/** A string with its `{name}` fields filled in. */
export function fill(template: string, fields: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) =>
    k in fields ? String(fields[k]) : all,
  );
}
