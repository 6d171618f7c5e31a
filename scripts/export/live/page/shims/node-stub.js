// What the page's runtime bundle gets for a Node module that the exporter's own code imports
// but never calls in the page (fs, path, esbuild, …): any use throws. CommonJS, so that any
// named import of it is allowed.
const fail = () => {
  throw new Error("a Node module was called in the page");
};
module.exports = new Proxy(fail, { get: (_t, key) => (key === "__esModule" ? false : fail), apply: fail, construct: fail });
