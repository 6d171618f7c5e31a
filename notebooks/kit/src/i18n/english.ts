// The English-word detector: which words of a text a reader of the Chinese edition would see in
// English. One definition serves the kit's label lookup (a display string with English words
// needs a translation) and the check on executed Chinese notebooks (scripts/english-words.ts).
//
// A word is a run of Latin letters (accents included, digits allowed after the first letter).
// It is NOT counted as English when it is:
//   - one letter (a variable: x, p, θ is not Latin anyway), or a subscript/superscript
//     (`p_model`, `p_{\text{data}}`, `x^T`: the book's notation);
//   - an acronym in capitals, up to 6 characters (KL, MLE, NLL, MAP, MSE, BCE, OLS, PDF, CSV);
//   - a two-letter token that is not an English word (dx, dp; "is", "of", "to"… are English);
//   - a function name of mathematics (log, exp, max, argmin, softmax, Var, …), a proper name
//     (people, distributions named after people, software), or a unit symbol (mm, kg, ms):
//     the lists are ALLOWED_WORDS below, each entry a deliberate choice;
//   - in an output, a word JavaScript itself prints (true, NaN, Infinity, Float64Array…);
//   - a glossary term written beside its translation in the same text (分对数（logit）, or a
//     glossary table row "| logit | 分对数 |");
//   - inside `backticks` (code), in any text.
// Everything else of two letters or more counts: "nats", "bits", `\text{bias}`, `P(\text{heads})`,
// a camelCase key a record prints (thetaML), a file name used as link text.
// Nothing here depends on Node or the DOM.

/** Function names of mathematics, kept in any language (花书 writes them so). */
const MATH_WORDS = [
  "log",
  "ln",
  "lg",
  "exp",
  "lim",
  "max",
  "min",
  "arg",
  "argmax",
  "argmin",
  "sup",
  "inf",
  "sin",
  "cos",
  "tan",
  "tanh",
  "det",
  "tr",
  "diag",
  "mod",
  "sgn",
  "erf",
  "log1p",
  "expm1",
  "Var",
  "Cov",
  "Corr",
  "softmax",
  "sigmoid",
  "logsumexp",
  "Beta",
  "Gamma",
  // notation that Chinese texts write as it is (花书 too): independent and identically distributed
  "i.i.d.",
];
/**
 * People, and what the book's Chinese edition names after them and keeps (Poisson, Multinoulli,
 * Hessian 矩阵, Nelder–Mead).
 */
const PROPER_NAMES = [
  "Bayes",
  "Bengio",
  "Bernoulli",
  "Bessel",
  "Bortkiewicz",
  "Cauchy",
  "Chebyshev",
  "Courville",
  "Cramér",
  "Euler",
  "Fisher",
  "Gauss",
  "Gibbs",
  "Goodfellow",
  "Hessian",
  "Hoeffding",
  "Huffman",
  "Jacobian",
  "Jensen",
  "Kraft",
  "Kullback",
  "Lagrange",
  "Laplace",
  "Leibler",
  "Markov",
  "Mead",
  "Multinoulli",
  "Nelder",
  "Newton",
  "Neyman",
  "Pearson",
  "Poisson",
  "Raphson",
  "Rao",
  "Shannon",
  "Stirling",
  "Sylvester",
  "Taylor",
  "Wilks",
];
/** Software and formats, named as their makers write them. */
const SOFTWARE = [
  "TypeScript",
  "JavaScript",
  "Node",
  "npm",
  "tslab",
  "Jupyter",
  "JupyterLab",
  "Deno",
  "Python",
  "NumPy",
  "numpy",
  "SciPy",
  "scipy",
  "mpmath",
  "Plotly",
  "plotly",
  "KaTeX",
  "LaTeX",
  "TeX",
  "GitHub",
  "mlekit",
  "Chromium",
  "Markdown",
  "Prettier",
  "danfojs",
  "CodeMirror",
  "Colab",
  "Wikipedia",
  "udlbook",
];
/** Unit symbols (not unit names: "nats" and "bits" are words, 奈特 and 比特 in Chinese). */
const UNIT_SYMBOLS = ["mm", "cm", "km", "kg", "mg", "ms", "kB", "MB", "GB", "Hz", "px", "dB"];
/** Words JavaScript prints for values; allowed in outputs only. */
const JS_WORDS = [
  "true",
  "false",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "Array",
  "Object",
  "Map",
  "Set",
  "Float64Array",
  "Float32Array",
  "Int32Array",
  "Uint8Array",
  "Uint32Array",
];
/** Two-letter tokens that are English words (every other two-letter token is a symbol such as dx). */
const TWO_LETTER_WORDS = new Set([
  "am",
  "an",
  "as",
  "at",
  "be",
  "by",
  "do",
  "go",
  "he",
  "if",
  "in",
  "is",
  "it",
  "me",
  "my",
  "no",
  "of",
  "on",
  "or",
  "so",
  "to",
  "up",
  "us",
  "we",
  "ok",
  "vs",
]);

/** The words allowed in any text (see the module comment), for documentation and tests. */
export const ALLOWED_WORDS: readonly string[] = [
  ...MATH_WORDS,
  ...PROPER_NAMES,
  ...SOFTWARE,
  ...UNIT_SYMBOLS,
];
/** The words allowed in outputs only. */
export const OUTPUT_WORDS: readonly string[] = JS_WORDS;

const BASE_ALLOWED = new Set(ALLOWED_WORDS);
const OUTPUT_ALLOWED = new Set(JS_WORDS);

/** Latin letters, accented ones included (Cramér, Adélie); not Greek, not CJK. */
const LATIN = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F";
/** A word: Latin letters, then letters or digits, with inner apostrophes (Bessel's). */
const WORD = new RegExp(`[${LATIN}][${LATIN}0-9]*(?:['’][${LATIN}]+)*`, "g");
/** An abbreviation of single letters with dots (i.e., e.g., w.r.t.): English, though each letter alone is not a word. */
const DOTTED = new RegExp(`(?<![${LATIN}0-9.])(?:[${LATIN}]\\.){2,}(?![${LATIN}0-9])`, "g");
/** CJK ideographs and punctuation: a text holding any is (partly) Chinese. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** A term and its rendering, as the course's glossary lists them. */
export interface GlossaryTerm {
  readonly en: string;
  readonly zh: string;
}

/** Options of {@link englishWords}. */
export interface EnglishWordsOptions {
  /** More words to allow: the course's own proper names. Default none. */
  readonly allow?: Iterable<string>;
  /** Terms that may stand beside their translation in the same text (a gloss). Default none. */
  readonly glossary?: readonly GlossaryTerm[];
  /**
   * What the text is: `"text"` (prose, a label; the default), `"math"` (LaTeX: `\text{…}`
   * and `\mathrm{…}` are read, other commands dropped, subscripts are notation) or `"output"`
   * (what a cell printed: JavaScript's own words are allowed).
   */
  readonly context?: "text" | "math" | "output";
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A whole-word, case-insensitive pattern for `term` (Latin letters may not touch it). */
export function wholeWord(term: string, flags = "gi"): RegExp {
  return new RegExp(`(?<![${LATIN}])${escapeRegExp(term)}(?![${LATIN}])`, flags);
}

/** LaTeX made readable for the word scan: `\text{bias}` → `bias`, other commands → a space. */
function latexText(tex: string): string {
  return tex
    .replace(/\\(?:begin|end)\s*\{[^{}]*\}/g, " ")
    .replace(
      /\\(?:text|textrm|textit|textbf|texttt|textsf|mathrm|mathit|mathbf|mathsf|mathtt|operatorname\*?|mbox)\s*\{([^{}]*)\}/g,
      "$1",
    )
    .replace(/\\[A-Za-z]+/g, " ");
}

/**
 * The English words a reader sees in `text`, in order (a word counts each time it occurs).
 *
 * See the module comment for what is not counted. A text may be any mix of Chinese, maths
 * notation and English.
 *
 * @param text a label, a line of prose, a formula (with `context: "math"`) or printed output
 * @param options `allow` (more allowed words), `glossary` (terms allowed beside their
 *   translation), `context` (`"text"`, `"math"` or `"output"`; default `"text"`)
 * @returns the English words, e.g. `["nats"]`
 * @example
 * englishWords("H(P) in nats");                       // => ["in", "nats"]
 * englishWords("即 i.e. 平均");                        // => ["i.e."]
 * englishWords("KL(p̂ ‖ p_model) 与 log L(θ)");        // => []
 * englishWords("\\text{bias}(\\hat\\theta)", { context: "math" }); // => ["bias"]
 * englishWords("分对数（logit）", { glossary: [{ en: "logit", zh: "分对数" }] }); // => []
 * englishWords("| cross-entropy | 交叉熵 |", { glossary: [{ en: "entropy", zh: "熵" }, { en: "cross-entropy", zh: "交叉熵" }] }); // => []
 * englishWords("{ thetaML: 0.61, ok: true }", { context: "output" }); // => ["thetaML", "ok"]
 */
export function englishWords(text: string, options: EnglishWordsOptions = {}): string[] {
  const { allow, glossary = [], context = "text" } = options;
  let s = text.replace(/`[^`\n]*`/g, " ");
  if (context === "math") s = latexText(s);
  // Longest terms first: "cross-entropy" must go before "entropy" takes its second half.
  const longestFirst = [...glossary].sort((a, b) => b.en.length - a.en.length);
  for (const term of longestFirst) {
    if (term.zh && s.includes(term.zh)) s = s.replace(wholeWord(term.en), " ");
  }
  const extra = allow ? new Set(allow) : undefined;
  const words: string[] = [];
  s = s.replace(DOTTED, (d) => {
    if (!(extra?.has(d) || BASE_ALLOWED.has(d))) words.push(d);
    return " ";
  });
  for (const m of s.matchAll(WORD)) {
    const w = m[0];
    const before = s.slice(Math.max(0, m.index! - 2), m.index!);
    if (/[_^]\{?$/.test(before)) continue; // a subscript or superscript: notation
    const bare = w.replace(/['’]s$/, "").replace(/\d+$/, "");
    if (bare.length <= 1) continue;
    if (/^[A-Z][A-Z0-9]{1,5}$/.test(w)) continue;
    if (bare.length === 2 && !TWO_LETTER_WORDS.has(bare.toLowerCase())) continue;
    if (BASE_ALLOWED.has(w) || BASE_ALLOWED.has(bare) || extra?.has(w) || extra?.has(bare))
      continue;
    if (context === "output" && (OUTPUT_ALLOWED.has(w) || OUTPUT_ALLOWED.has(bare))) continue;
    words.push(w);
  }
  return words;
}
