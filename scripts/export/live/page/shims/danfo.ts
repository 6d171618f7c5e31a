// danfojs (with TensorFlow.js, megabytes) is not bundled into the page: `toDataFrame` says so
// when a cell calls it, and the rest of the kit works.
export class DataFrame {
  constructor() {
    throw new Error(
      "toDataFrame: danfojs (with TensorFlow.js) is not bundled in the exported page; run this cell in JupyterLab (npm run lab)",
    );
  }
}
export default { DataFrame };
