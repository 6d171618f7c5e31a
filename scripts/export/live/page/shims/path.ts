// `path` for the page (POSIX rules): what the kit and the course use to name their data files.

export const sep = "/";
export const delimiter = ":";

/** Resolves `.` and `..` and repeated slashes. */
export function normalize(p: string): string {
  const abs = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!abs) out.push("..");
    } else out.push(part);
  }
  const s = (abs ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== "").join("/"));
}

/** Resolved against the page's working folder, the notebooks' folder (`/notebooks`), as in the kernel. */
export function resolve(...parts: string[]): string {
  let p = "/notebooks";
  for (const part of parts) p = part.startsWith("/") ? part : `${p}/${part}`;
  return normalize(p);
}

export function dirname(p: string): string {
  const n = normalize(p);
  const i = n.lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : n.slice(0, i);
}

export function basename(p: string, ext?: string): string {
  const b = normalize(p).split("/").pop() ?? "";
  return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
}

export function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf(".");
  return i <= 0 ? "" : b.slice(i);
}

export function isAbsolute(p: string): boolean {
  return p.startsWith("/");
}

export default { sep, delimiter, normalize, join, resolve, dirname, basename, extname, isAbsolute };
