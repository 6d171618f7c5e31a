import type { JumpableRandomGenerator } from "pure-rand/lib/types/JumpableRandomGenerator";
// (the subpath is declared in ../types/pure-rand.d.ts: pure-rand exposes it only through `exports`)

import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { checkNumber, valueError } from "../validate/validate";

/**
 * A seeded source of randomness: uniform doubles, standard normals and uniform integers.
 * Every sampler in the library draws from one of these, so one seed fixes a whole experiment.
 */
export interface Rng {
  /** The seed the generator was created with. */
  readonly seed: number;
  /** A uniform double on [0, 1), a multiple of 2^-53. */
  next(): number;
  /** A standard normal N(0, 1) draw (Marsaglia polar method on 32-bit uniforms, the spare value cached). */
  normal(): number;
  /** A uniform integer in {0, …, k − 1}; `k` must be an integer in [1, 2^53]. */
  int(k: number): number;
}

const TWO_POW_M26 = 1 / 67108864; // 2^-26
const TWO_POW_M53 = 1 / 9007199254740992; // 2^-53
const TWO_POW_M31 = 1 / 2147483648; // 2^-31
/** Outputs thrown away after seeding, so that nearby seeds give unrelated streams. */
const WARM_UP = 32;

class XoroshiroRng implements Rng {
  private readonly gen: JumpableRandomGenerator;
  private spare = 0;
  private hasSpare = false;

  constructor(readonly seed: number) {
    this.gen = xoroshiro128plus(seed);
    for (let i = 0; i < WARM_UP; i++) this.gen.next();
  }

  next(): number {
    // 26 + 27 high bits of two 32-bit outputs (the low bits of xoroshiro128+ are its weakest).
    const hi = this.gen.next() >>> 6;
    const lo = this.gen.next() >>> 5;
    return hi * TWO_POW_M26 + lo * TWO_POW_M53;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    // u and v uniform on [-1, 1) straight from one signed 32-bit output each (resolution 2^-31):
    // half the generator calls of two 53-bit doubles, and the polar transform needs no more.
    do {
      u = this.gen.next() * TWO_POW_M31;
      v = this.gen.next() * TWO_POW_M31;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  int(k: number): number {
    checkNumber("Rng.int", "k", k);
    if (!(Number.isInteger(k) && k >= 1 && k <= 9007199254740992))
      throw valueError("Rng.int", "k", k, "must be an integer in [1, 2^53]");
    return Math.floor(this.next() * k);
  }
}

/**
 * Creates a seeded pseudo-random generator: xoroshiro128+ from `pure-rand` (seeded from the
 * low 32 bits of `seed`, then advanced 32 steps), doubles built from 53 high bits of two outputs,
 * normals by the Marsaglia polar method (u, v uniform on [-1, 1) from one signed 32-bit output
 * each, so tails reach |z| ≈ 9.4) with the spare value cached.
 *
 * The same seed gives the same stream on every platform: the generator is pure 32-bit integer
 * arithmetic, and the transforms use only `Math.log` and `Math.sqrt`.
 * `int(k)` is `floor(k · next())`, whose bias is at most k / 2^53.
 *
 * @param seed an integer; only its low 32 bits are used, so `seed` and `seed + 2^32` give the same stream
 * @returns an {@link Rng} with `next()` (uniform on [0, 1)), `normal()` and `int(k)`
 * @throws {TypeError} when `seed` is not a number (a string, null, a boolean)
 * @throws {RangeError} when `seed` is NaN or not a finite integer
 * @example
 * const rng = createRng(42);
 * rng.next();   // => 0.8122404708611664
 * rng.normal(); // => -1.264182244470925
 * rng.int(6);   // => 4
 * createRng(42).next() === createRng(42).next(); // => true
 * createRng(1.5); // throws RangeError: createRng: seed = 1.5 must be an integer
 */
export function createRng(seed: number): Rng {
  checkNumber("createRng", "seed", seed);
  if (!Number.isInteger(seed)) throw valueError("createRng", "seed", seed, "must be an integer");
  return new XoroshiroRng(seed);
}
