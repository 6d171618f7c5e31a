// pure-rand 8 publishes its generators only through its package.json `exports` map, which the
// project's `moduleResolution: node10` cannot read. Node and bundlers resolve the subpath at run
// time; this declaration gives TypeScript its type.
declare module "pure-rand/generator/xoroshiro128plus" {
  import type { JumpableRandomGenerator } from "pure-rand/lib/types/JumpableRandomGenerator";
  export function xoroshiro128plus(seed: number): JumpableRandomGenerator;
}
