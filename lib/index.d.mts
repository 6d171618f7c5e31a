// Types for `import … from "mlekit"` in an ES module (the `import` condition of package.json's
// `exports`). The ES build (dist/esm) has the same named exports as the CommonJS one and no default
// export, so this file re-exports the CommonJS declarations by name: `export *` carries every named
// export and never a default, and `import mlekit from "mlekit"` is a type error under `nodenext`
// instead of a type-checked crash at run time.
export * from "./dist/cjs/index.js";
