// Dataset loaders: every notebook reads its data through these.
export { loadRows, toDataFrame, type Cell } from "./load-rows";
