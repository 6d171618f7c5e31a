// Notebook display: plots and tables for tslab, kept apart from the maths.
export { show, resetDisplaySession, type ShowOptions } from "./show";
export {
  showTable,
  tableBundle,
  type TableLike,
  type DataFrameLike,
  type ShowTableOptions,
} from "./show-table";
export {
  figureBundle,
  plotlyJs,
  plotlyVersion,
  currentFrontend,
  ensureNotebookPlotly,
  notebookPlotlyFile,
  NOTEBOOK_PLOTLY_DIR,
  SHARED_PLOTLY_PATH,
  PLOT_FALLBACK_CLASS,
  type FigureLike,
  type FigureBundleOptions,
  type Frontend,
} from "./figure-bundle";
export {
  displayChannel,
  DISPLAY_HOST,
  type DisplayChannel,
  type DisplayHost,
  type MimeBundle,
} from "./kernel";
