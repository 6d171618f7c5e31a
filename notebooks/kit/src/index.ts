// notebook-kit: the machinery the course notebooks run on. The maths is in `mlekit`; this
// package displays plots and tables in tslab, builds labelled plotly figures, loads small
// datasets and checks exercise answers. It needs Node (fs, the tslab kernel).

// display in the notebook (plots and tables as MIME bundles)
export * from "./display";

// high-level plot helpers
export * from "./plot";

// dataset loaders
export * from "./data";

// the exercise checker
export * from "./exercises";

// the language of everything a reader sees (verdicts, labels, messages)
export * from "./i18n";

// the names inside the kit's HTML, for front-end tests (the exporter reads only MIME types)
export * as format from "./format";
