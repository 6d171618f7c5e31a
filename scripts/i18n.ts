#!/usr/bin/env node
// @ts-nocheck
// `npm run translate`: builds the Chinese edition of the notebooks.
//
// One source for the code: each English notebook in notebooks/ plus its translation file
// notebooks/i18n/zh/<name>.json ({ "<markdown cell id>": "<Chinese markdown>" }) gives
// notebooks/zh/<name>.ipynb, with the same code cells and every markdown cell in Chinese.
// The generated notebooks are not committed (notebooks/zh/ is ignored): `npm start`,
// `npm test` and `npm run lab` regenerate them, so they never drift from the English ones.
// tests/notebooks/translation.test.ts checks that every markdown cell has a translation that
// carries the same maths, headings and links.
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const LANGUAGES = { zh: { name: "中文", jupyterLanguage: "zh-CN" } };

/** The cell's source as one string (nbformat allows a string or a list of lines). */
function text(source) {
  return Array.isArray(source) ? source.join("") : String(source ?? "");
}

/** A string as nbformat's list of lines. */
function lines(s) {
  const parts = s.split("\n");
  return parts.map((l, i) => (i < parts.length - 1 ? `${l}\n` : l)).filter((l) => l !== "");
}

/** The translation file of one notebook, or undefined when there is none. */
function readTranslation(lang, name) {
  const file = path.join(NOTEBOOKS, "i18n", lang, `${name}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
}

/**
 * The translated notebook: the English one with each markdown cell's source replaced.
 * @returns `{ notebook, missing }`, `missing` listing the ids of markdown cells left in English
 */
function translateNotebook(nb, translation, lang) {
  const out = JSON.parse(JSON.stringify(nb));
  const missing = [];
  for (const cell of out.cells) {
    if (cell.cell_type !== "markdown") continue;
    const t = translation[cell.id];
    if (typeof t === "string") cell.source = lines(t);
    else missing.push(cell.id);
  }
  out.metadata = { ...out.metadata, mlekit_translation: { language: LANGUAGES[lang].jupyterLanguage } };
  return { notebook: out, missing };
}

/** The English notebooks, sorted by name. */
function englishNotebooks() {
  return fs
    .readdirSync(NOTEBOOKS)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort()
    .map((f) => path.join(NOTEBOOKS, f));
}

/**
 * Writes notebooks/<lang>/<name>.ipynb for every English notebook that has a translation file.
 * @returns the written paths and, per notebook, the markdown cells that had no translation
 */
function buildTranslations({ lang = "zh", outDir = path.join(NOTEBOOKS, lang), quiet = false } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  const problems = [];
  for (const file of englishNotebooks()) {
    const name = path.basename(file, ".ipynb");
    const translation = readTranslation(lang, name);
    if (!translation) {
      problems.push(`${name}: no notebooks/i18n/${lang}/${name}.json`);
      continue;
    }
    const { notebook, missing } = translateNotebook(JSON.parse(fs.readFileSync(file, "utf8")), translation, lang);
    if (missing.length) problems.push(`${name}: ${missing.length} markdown cell(s) without a translation (${missing.join(", ")})`);
    const target = path.join(outDir, `${name}.ipynb`);
    const body = `${JSON.stringify(notebook, null, 1)}\n`;
    if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== body) fs.writeFileSync(target, body);
    written.push(target);
  }
  if (!quiet) {
    console.log(`[translate] ${written.length} ${LANGUAGES[lang].name} notebook(s) in ${path.relative(ROOT, outDir)}/`);
    for (const p of problems) console.warn(`[translate] ${p}`);
  }
  return { written, problems };
}

module.exports = { buildTranslations, translateNotebook, englishNotebooks, readTranslation, text, LANGUAGES };

if (require.main === module) {
  const { problems } = buildTranslations();
  process.exit(problems.length && process.argv.includes("--strict") ? 1 : 0);
}
