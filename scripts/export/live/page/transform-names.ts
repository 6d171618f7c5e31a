// The two globals through which a rewritten cell reaches the page's runtime (see transform.ts
// and worker.ts); in a module of their own so the worker bundle needs no parser.

/** The global the rewritten imports call: `__mlekitImport("mlekit")` returns the module. */
export const IMPORT_FN = "__mlekitImport";
/** The global that receives a cell's last expression (printed unless null or undefined). */
export const LAST_FN = "__mlekitLast";
