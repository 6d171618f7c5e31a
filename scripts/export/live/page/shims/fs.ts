// `fs` for the page: the course's data files, embedded at export time under the paths they
// have in the repository (`/notebooks/data/penguins.json`), read-only. A relative path is
// read from the notebooks' folder, the kernel's working folder.
// @ts-ignore: a virtual module the export's bundler writes (see ../../bundle.ts)
import FILES from "mlekit-live:data";
import { resolve } from "./path";

const files = FILES as Record<string, string>;

function missing(fn: string, p: string): Error {
  const e = new Error(
    `${fn}: ${p} is not among the files embedded in this page (${Object.keys(files).join(", ")})`,
  ) as Error & { code: string };
  e.code = "ENOENT";
  return e;
}

export function readFileSync(p: string | URL, _options?: unknown): string {
  const path = resolve(String(p));
  if (!Object.prototype.hasOwnProperty.call(files, path)) throw missing("readFileSync", String(p));
  return files[path];
}

export function existsSync(p: string): boolean {
  return Object.prototype.hasOwnProperty.call(files, resolve(String(p)));
}

export function readdirSync(p: string): string[] {
  const dir = resolve(String(p)).replace(/\/?$/, "/");
  const names = Object.keys(files)
    .filter((f) => f.startsWith(dir))
    .map((f) => f.slice(dir.length).split("/")[0]);
  if (!names.length) throw missing("readdirSync", String(p));
  return [...new Set(names)];
}

function unavailable(name: string) {
  return () => {
    throw new Error(`fs.${name} is not available in the page: a page cannot write files`);
  };
}
export const writeFileSync = unavailable("writeFileSync");
export const mkdirSync = unavailable("mkdirSync");

export default { readFileSync, existsSync, readdirSync, writeFileSync, mkdirSync };
