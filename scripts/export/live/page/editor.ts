// The code cell editor of a live page: CodeMirror 6 (the editor JupyterLab 4 uses) with the
// TypeScript grammar of @lezer/javascript, coloured with the page's own code palette (the
// highlight.js classes of the static page), lines wrapped, undo history, bracket matching.
// Tab is left to the browser, so a keyboard user can always leave the editor.
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, drawSelection, highlightSpecialChars } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import {
  HighlightStyle,
  LanguageSupport,
  bracketMatching,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { typescriptLanguage } from "@codemirror/lang-javascript";
import { tags as t } from "@lezer/highlight";

/** Lezer's tags mapped to the highlight.js classes the page's stylesheet already colours. */
const palette = HighlightStyle.define([
  {
    tag: [
      t.keyword,
      t.controlKeyword,
      t.definitionKeyword,
      t.moduleKeyword,
      t.operatorKeyword,
      t.self,
    ],
    class: "hljs-keyword",
  },
  { tag: [t.typeName, t.className, t.namespace], class: "hljs-type" },
  { tag: [t.string, t.special(t.string), t.regexp], class: "hljs-string" },
  { tag: [t.number, t.bool, t.null, t.atom], class: "hljs-number" },
  { tag: [t.comment, t.lineComment, t.blockComment], class: "hljs-comment" },
  {
    tag: [
      t.function(t.variableName),
      t.function(t.propertyName),
      t.function(t.definition(t.variableName)),
    ],
    class: "hljs-title",
  },
  { tag: [t.propertyName, t.definition(t.propertyName)], class: "hljs-property" },
]);

const typescript = new LanguageSupport(typescriptLanguage);

/** Options of {@link createEditor}. */
export interface EditorOptions {
  doc: string;
  /** The accessible name of the editor, e.g. "Code cell 3". */
  label: string;
  /** Shift+Enter or Ctrl/Cmd+Enter. */
  onRun: () => void;
  /** Any change of the text. */
  onChange?: () => void;
}

/** A CodeMirror editor holding one cell. */
export function createEditor({ doc, label, onRun, onChange }: EditorOptions): EditorView {
  const run = () => {
    onRun();
    return true;
  };
  return new EditorView({
    state: EditorState.create({
      doc,
      extensions: [
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        typescript,
        syntaxHighlighting(palette),
        EditorView.lineWrapping,
        EditorState.tabSize.of(2),
        keymap.of([
          { key: "Shift-Enter", run },
          { key: "Mod-Enter", run },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange?.();
        }),
      ],
    }),
  });
}

/** Replaces the editor's whole text. */
export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
