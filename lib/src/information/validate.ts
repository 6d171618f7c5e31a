// Compatibility re-export: the validation rules moved to lib/src/validate/validate.ts (issue 10),
// the one module every group uses. Code written against the old path keeps compiling; new code
// imports "../validate/validate" directly. Internal: not re-exported from the barrel.
export * from "../validate/validate";
import { readOptions, INFO_OPTION_KEYS } from "../validate/validate";

/**
 * The information functions' options check under its old name: `opts` must be an options
 * object (or `undefined`) with only the keys `base`, `normalize`, `tolerance`.
 * @deprecated use `readOptions(fn, opts, known)` from lib/src/validate/validate.ts
 */
export function optionsObject<T extends object>(fn: string, opts: T | undefined): T {
  return readOptions(fn, opts, INFO_OPTION_KEYS);
}
