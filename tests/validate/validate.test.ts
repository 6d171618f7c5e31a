import { runInNewContext } from "vm";
import { argmax } from "../../lib/src/optimization";
import { categorical } from "../../lib/src/distributions";
import { fitBernoulli } from "../../lib/src/estimators";
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as info from "../../lib/src/information";
import {
  checkOptions,
  checkSum,
  checkVector,
  entryError,
  checkFinite,
  checkInteger,
  checkNumber,
  checkPositive,
  checkRng,
  checkSample,
  fromNats,
  readOptions,
  throwFirstInvalid,
} from "../../lib/src/validate/validate";
import { ulpDistance } from "../helpers/numeric";

const {
  selfInformation,
  entropy,
  crossEntropy,
  klDivergence,
  jsDivergence,
  binaryEntropy,
  jointEntropy,
  conditionalEntropy,
  mutualInformation,
  logSumExp,
  softmax,
  logSoftmax,
  crossEntropyFromLogits,
  binaryCrossEntropyFromLogit,
} = info;

type Outcome =
  | { value: number; ulps?: number }
  | { throws: typeof RangeError | typeof TypeError; message: RegExp };

/** One row of the written edge-case policy, and every call that must obey it. */
interface Row {
  rule: string;
  cases: [name: string, call: () => unknown, outcome: Outcome][];
}

const range = (message: RegExp): Outcome => ({ throws: RangeError, message });
const type = (message: RegExp): Outcome => ({ throws: TypeError, message });
const U = [0.5, 0.5];
const T = [
  [0.25, 0.25],
  [0.25, 0.25],
];
// Any function that takes probability vectors, called with one bad vector in first place.
const vectorFns: [string, (p: any) => unknown][] = [
  ["entropy", (p) => entropy(p)],
  ["crossEntropy", (p) => crossEntropy(p, U.length === p.length ? U : p)],
  ["klDivergence", (p) => klDivergence(p, U.length === p.length ? U : p)],
  ["jsDivergence", (p) => jsDivergence(p, U.length === p.length ? U : p)],
  ["crossEntropyFromLogits", (p) => crossEntropyFromLogits(p, new Array(p.length).fill(0))],
];
const tableFns: [string, (t: any) => unknown][] = [
  ["jointEntropy", (t) => jointEntropy(t)],
  ["conditionalEntropy", (t) => conditionalEntropy(t)],
  ["mutualInformation", (t) => mutualInformation(t)],
];
const logitFns: [string, (z: any) => unknown][] = [
  ["logSumExp", (z) => logSumExp(z)],
  ["softmax", (z) => softmax(z)],
  ["logSoftmax", (z) => logSoftmax(z)],
  [
    "crossEntropyFromLogits",
    (z) => crossEntropyFromLogits(new Array(z.length).fill(1 / z.length), z),
  ],
];
const each = <F>(fns: [string, F][], make: (name: string, f: F) => Row["cases"][number]) =>
  fns.map(([name, f]) => make(name, f));

const TABLE: Row[] = [
  {
    rule: "0 · log 0 = 0",
    cases: [
      ["entropy", () => entropy([1, 0]), { value: 0 }],
      ["crossEntropy", () => crossEntropy([0, 1], [0, 1]), { value: 0 }],
      ["jsDivergence", () => jsDivergence([1, 0], [1, 0]), { value: 0 }],
      ["binaryEntropy", () => binaryEntropy(0), { value: 0 }],
      ["binaryEntropy", () => binaryEntropy(1), { value: 0 }],
      [
        "jointEntropy",
        () =>
          jointEntropy([
            [1, 0],
            [0, 0],
          ]),
        { value: 0 },
      ],
      [
        "conditionalEntropy",
        () =>
          conditionalEntropy([
            [0.5, 0],
            [0, 0.5],
          ]),
        { value: 0 },
      ],
      [
        "mutualInformation",
        () =>
          mutualInformation([
            [1, 0],
            [0, 0],
          ]),
        { value: 0 },
      ],
      [
        "crossEntropyFromLogits",
        () => crossEntropyFromLogits([0, 1], [-Infinity, 0]),
        { value: 0 },
      ],
      [
        "binaryCrossEntropyFromLogit",
        () => binaryCrossEntropyFromLogit(0, -Infinity),
        { value: 0 },
      ],
    ],
  },
  {
    rule: "0 · log(0/q) = 0",
    cases: [
      ["klDivergence", () => klDivergence([0, 1], [0, 1]), { value: 0 }],
      ["klDivergence", () => klDivergence([0, 1], [0.5, 0.5], { base: 2 }), { value: 1 }],
      // ½[log(4/3) + ½ log 2 + ½ log(2/3)], the zero entry contributing nothing: mpmath gives
      // 0.21576155433883569558; within 2 ulps whichever order the pairs come in
      [
        "jsDivergence",
        () => jsDivergence([0, 1], [0.5, 0.5]),
        { value: 0.2157615543388357, ulps: 2 },
      ],
      [
        "jsDivergence",
        () => jsDivergence([1, 0], [0.5, 0.5]),
        { value: 0.2157615543388357, ulps: 2 },
      ],
    ],
  },
  {
    rule: "p_i > 0 with q_i = 0 gives Infinity",
    cases: [
      ["crossEntropy", () => crossEntropy([0.5, 0.5], [1, 0]), { value: Infinity }],
      ["klDivergence", () => klDivergence([0.5, 0.5], [1, 0]), { value: Infinity }],
      [
        "klDivergence",
        () => klDivergence(new Float64Array([0.5, 0.5]), new Float64Array([1, 0])),
        { value: Infinity },
      ],
      [
        "crossEntropyFromLogits",
        () => crossEntropyFromLogits([0.5, 0.5], [0, -Infinity]),
        { value: Infinity },
      ],
      ["selfInformation", () => selfInformation(0), { value: Infinity }],
      [
        "binaryCrossEntropyFromLogit",
        () => binaryCrossEntropyFromLogit(1, -Infinity),
        { value: Infinity },
      ],
      // the documented exception: JS compares with the midpoint, which is never 0 where p is not
      [
        "jsDivergence",
        () => jsDivergence([0.5, 0.5], [1, 0]),
        { value: jsDivergence([1, 0], [0.5, 0.5]) },
      ],
    ],
  },
  {
    rule: "empty input throws RangeError",
    cases: [
      ...each(vectorFns, (n, f) => [n, () => f([]), range(new RegExp(`^${n}: p is empty$`))]),
      ["crossEntropy", () => crossEntropy(U, []), range(/^crossEntropy: q is empty$/)],
      ...each(tableFns, (n, f) => [n, () => f([]), range(new RegExp(`^${n}: pxy is empty$`))]),
      ...each(tableFns, (n, f) => [
        n,
        () => f([[]]),
        range(new RegExp(`^${n}: pxy\\[0\\] is empty$`)),
      ]),
      ["logSumExp", () => logSumExp([]), range(/^logSumExp: xs is empty$/)],
      ["softmax", () => softmax([]), range(/^softmax: logits is empty$/)],
      ["logSoftmax", () => logSoftmax(new Float64Array(0)), range(/^logSoftmax: logits is empty$/)],
    ],
  },
  {
    rule: "a length mismatch throws RangeError",
    cases: [
      [
        "crossEntropy",
        () => crossEntropy(U, [1, 0, 0]),
        range(/^crossEntropy: p and q differ in length \(2 vs 3\)$/),
      ],
      [
        "klDivergence",
        () => klDivergence(U, [1]),
        range(/^klDivergence: p and q differ in length \(2 vs 1\)$/),
      ],
      [
        "jsDivergence",
        () => jsDivergence(new Float64Array(U), [1]),
        range(/^jsDivergence: p and q differ/),
      ],
      [
        "crossEntropyFromLogits",
        () => crossEntropyFromLogits(U, [0]),
        range(/^crossEntropyFromLogits: p and logits differ/),
      ],
      ...each(tableFns, (n, f) => [
        n,
        () => f([[0.5, 0.25], [0.25]]),
        range(new RegExp(`^${n}: pxy\\[1\\] has 1 entries but pxy\\[0\\] has 2$`)),
      ]),
    ],
  },
  {
    rule: "NaN throws RangeError naming the function, index and value",
    cases: [
      ...each(vectorFns, (n, f) => [
        n,
        () => f([0.5, NaN, 0.5]),
        range(new RegExp(`^${n}: p\\[1\\] = NaN is not a number$`)),
      ]),
      ...each(vectorFns, (n, f) => [
        n,
        () => f(new Float64Array([0.5, NaN, 0.5])),
        range(new RegExp(`^${n}: p\\[1\\] = NaN`)),
      ]),
      [
        "klDivergence",
        () => klDivergence(U, [0.5, NaN]),
        range(/^klDivergence: q\[1\] = NaN is not a number$/),
      ],
      ...each(tableFns, (n, f) => [
        n,
        () =>
          f([
            [0.5, 0],
            [NaN, 0.5],
          ]),
        range(new RegExp(`^${n}: pxy\\[1\\]\\[0\\] = NaN is not a number$`)),
      ]),
      ...each(logitFns, (n, f) => [
        n,
        () => f([0, NaN]),
        range(new RegExp(`^${n}: (xs|logits)\\[1\\] = NaN is not a number$`)),
      ]),
      ["selfInformation", () => selfInformation(NaN), range(/^selfInformation: p = NaN/)],
      ["binaryEntropy", () => binaryEntropy(NaN), range(/^binaryEntropy: theta = NaN/)],
      [
        "binaryCrossEntropyFromLogit",
        () => binaryCrossEntropyFromLogit(NaN, 0),
        range(/^binaryCrossEntropyFromLogit: y = NaN/),
      ],
      [
        "binaryCrossEntropyFromLogit",
        () => binaryCrossEntropyFromLogit(1, NaN),
        range(/^binaryCrossEntropyFromLogit: z = NaN/),
      ],
    ],
  },
  {
    rule: "a negative entry throws RangeError naming the function, index and value",
    cases: [
      ...each(vectorFns, (n, f) => [
        n,
        () => f([0.6, 0.5, -0.1]),
        range(new RegExp(`^${n}: p\\[2\\] = -0.1 is negative$`)),
      ]),
      ...each(vectorFns, (n, f) => [
        n,
        () => f(new Float64Array([0.6, 0.5, -0.1])),
        range(new RegExp(`^${n}: p\\[2\\] = -0.1 is negative$`)),
      ]),
      [
        "crossEntropy",
        () => crossEntropy(U, [1.5, -0.5]),
        range(/^crossEntropy: q\[1\] = -0.5 is negative$/),
      ],
      ...each(tableFns, (n, f) => [
        n,
        () =>
          f([
            [0.5, -0.5],
            [0.5, 0.5],
          ]),
        range(new RegExp(`^${n}: pxy\\[0\\]\\[1\\] = -0.5 is negative$`)),
      ]),
      [
        "selfInformation",
        () => selfInformation(-0.1),
        range(/^selfInformation: p = -0.1 is negative$/),
      ],
      [
        "binaryEntropy",
        () => binaryEntropy(-0.1),
        range(/^binaryEntropy: theta = -0.1 is outside \[0, 1\]$/),
      ],
      [
        "binaryCrossEntropyFromLogit",
        () => binaryCrossEntropyFromLogit(-0.1, 0),
        range(/y = -0.1 is outside/),
      ],
    ],
  },
  {
    rule: "a non-finite entry throws RangeError (logits: +Infinity; logSumExp returns it)",
    cases: [
      ...each(vectorFns, (n, f) => [
        n,
        () => f([0.5, Infinity]),
        range(new RegExp(`^${n}: p\\[1\\] = Infinity is not finite$`)),
      ]),
      ...each(vectorFns, (n, f) => [
        n,
        () => f(new Float64Array([0.5, -Infinity])),
        range(new RegExp(`^${n}: p\\[1\\] = -Infinity is negative$`)),
      ]),
      [
        "klDivergence",
        () => klDivergence(U, [Infinity, 0.5]),
        range(/^klDivergence: q\[0\] = Infinity is not finite$/),
      ],
      ...each(tableFns, (n, f) => [
        n,
        () =>
          f([
            [0.5, 0],
            [Infinity, 0.5],
          ]),
        range(new RegExp(`^${n}: pxy\\[1\\]\\[0\\] = Infinity is not finite$`)),
      ]),
      [
        "softmax",
        () => softmax([0, Infinity]),
        range(/^softmax: logits\[1\] = Infinity is not allowed/),
      ],
      [
        "logSoftmax",
        () => logSoftmax([Infinity]),
        range(/^logSoftmax: logits\[0\] = Infinity is not allowed/),
      ],
      [
        "crossEntropyFromLogits",
        () => crossEntropyFromLogits(U, [Infinity, 0]),
        range(/^crossEntropyFromLogits: logits\[0\] = Infinity is not allowed/),
      ],
      ["softmax", () => softmax([-Infinity, -Infinity]), range(/every logit is -Infinity/)],
      [
        "crossEntropyFromLogits",
        () => crossEntropyFromLogits(U, [-Infinity, -Infinity]),
        range(/every logit is -Infinity/),
      ],
      ["logSumExp", () => logSumExp([0, Infinity]), { value: Infinity }],
      ["logSumExp", () => logSumExp([-Infinity, -Infinity]), { value: -Infinity }],
      [
        "selfInformation",
        () => selfInformation(Infinity),
        range(/^selfInformation: p = Infinity is greater than 1$/),
      ],
      [
        "binaryCrossEntropyFromLogit",
        () => binaryCrossEntropyFromLogit(0, Infinity),
        { value: Infinity },
      ],
    ],
  },
  {
    rule: "a non-array input or a non-number entry throws TypeError",
    cases: [
      ...each(vectorFns, (n, f) => [
        n,
        () => f("0.5,0.5"),
        type(new RegExp(`^${n}: p = "0.5,0.5" is not a number\\[\\] or Float64Array$`)),
      ]),
      ...each(vectorFns, (n, f) => [
        n,
        () => f(new Float32Array([0.5, 0.5])),
        type(/p = Float32Array\(2\) is not a number\[\] or Float64Array$/),
      ]),
      ...each(vectorFns, (n, f) => [
        n,
        () => f([0.5, "0.5"]),
        type(new RegExp(`^${n}: p\\[1\\] = "0.5" is not a number$`)),
      ]),
      ...each(vectorFns, (n, f) => [
        n,
        () => f([0.5, null, 0.5]),
        type(new RegExp(`^${n}: p\\[1\\] = null is not a number$`)),
      ]),
      ...each(tableFns, (n, f) => [
        n,
        () => f({ length: 1 }),
        type(/pxy = \[object\] is not an array of rows$/),
      ]),
      ...each(tableFns, (n, f) => [
        n,
        () =>
          f([
            [0.5, true],
            [0.25, 0.25],
          ]),
        type(new RegExp(`^${n}: pxy\\[0\\]\\[1\\] = true is not a number$`)),
      ]),
      ...each(logitFns, (n, f) => [
        n,
        () => f([0, undefined]),
        type(/\[1\] = undefined is not a number$/),
      ]),
      [
        "selfInformation",
        () => selfInformation("0.5" as any),
        type(/^selfInformation: p = "0.5" is not a number$/),
      ],
      [
        "binaryEntropy",
        () => binaryEntropy(null as any),
        type(/^binaryEntropy: theta = null is not a number$/),
      ],
      [
        "binaryCrossEntropyFromLogit",
        () => binaryCrossEntropyFromLogit(1, "0" as any),
        type(/^binaryCrossEntropyFromLogit: z = "0" is not a number$/),
      ],
    ],
  },
  {
    rule: "a sum off 1 by more than tolerance·max(1, n) throws RangeError; normalize needs a sum > 0",
    cases: [
      ...each(vectorFns.slice(0, 4), (n, f) => [
        n,
        () => f([0.5, 0.6]),
        range(new RegExp(`^${n}: p sums to 1.1, not 1 within tolerance 1e-9`)),
      ]),
      [
        "klDivergence",
        () => klDivergence(U, [0.5, 0.4]),
        range(/^klDivergence: q sums to 0.9, not 1/),
      ],
      // n = 2, so the default bound is 2e-9: an excess of 2.5e-9 throws, a looser tolerance lets it
      // through and the masses are used as given (not rescaled).
      [
        "entropy",
        () => entropy([0.5, 0.5 + 2.5e-9]),
        range(/^entropy: p sums to 1.0000000025, not 1 within tolerance 1e-9/),
      ],
      [
        "entropy",
        () => entropy([0.5, 0.5 + 2.5e-9], { tolerance: 1e-8 }),
        { value: -(0.5 * Math.log(0.5)) - (0.5 + 2.5e-9) * Math.log(0.5 + 2.5e-9) },
      ],
      ...each(tableFns, (n, f) => [
        n,
        () =>
          f([
            [0.5, 0.5],
            [0.5, 0.5],
          ]),
        range(new RegExp(`^${n}: pxy sums to 2, not 1`)),
      ]),
      [
        "entropy",
        () => entropy([0, 0], { normalize: true }),
        range(/^entropy: p sums to 0; cannot normalize$/),
      ],
      [
        "jsDivergence",
        () => jsDivergence(U, [0, 0], { normalize: true }),
        range(/^jsDivergence: q sums to 0; cannot normalize$/),
      ],
      [
        "mutualInformation",
        () => mutualInformation([[0, 0]], { normalize: true }),
        range(/pxy sums to 0; cannot normalize/),
      ],
    ],
  },
  {
    rule: "options: base must be finite and > 1 (a base in (0, 1) is refused: it would make every entropy negative); tolerance >= 0; normalize boolean",
    cases: [
      ...[0, -2, 1, 0.5, Infinity].map((b): Row["cases"][number] => [
        "entropy",
        () => entropy(U, { base: b }),
        range(/^entropy: base = .* is not a valid logarithm base \(finite and > 1\)$/),
      ]),
      ["entropy", () => entropy(U, { base: NaN }), range(/^entropy: base = NaN is not a number$/)],
      [
        "klDivergence",
        () => klDivergence(U, U, { base: 1 }),
        range(/^klDivergence: base = 1 is not a valid/),
      ],
      [
        "selfInformation",
        () => selfInformation(0.5, { base: 0 }),
        range(/^selfInformation: base = 0/),
      ],
      [
        "mutualInformation",
        () => mutualInformation(T, { tolerance: -1 }),
        range(/^mutualInformation: tolerance = -1 must be >= 0$/),
      ],
      [
        "crossEntropy",
        () => crossEntropy(U, U, { normalize: "yes" as any }),
        type(/^crossEntropy: normalize = "yes" is not a boolean$/),
      ],
      [
        "entropy",
        () => entropy(U, null as any),
        type(/^entropy: options = null is not an options object$/),
      ],
    ],
  },
];

function describe(x: unknown): string {
  return x instanceof Float64Array ? `Float64Array[${Array.from(x)}]` : String(x);
}

test("every row of the edge-case policy holds for every function it applies to", () => {
  let checked = 0;
  const failures: string[] = [];
  for (const row of TABLE) {
    for (const [name, call, outcome] of row.cases) {
      checked++;
      const where = `[${row.rule}] ${name}: ${call.toString().replace(/\s+/g, " ")}`;
      let result: unknown;
      let error: unknown;
      try {
        result = call();
      } catch (e) {
        error = e;
      }
      if ("value" in outcome) {
        if (error) failures.push(`${where} threw ${(error as Error).message}`);
        else if (
          outcome.ulps !== undefined
            ? !(ulpDistance(result as number, outcome.value) <= outcome.ulps)
            : !Object.is(result, outcome.value)
        ) {
          failures.push(
            `${where} returned ${describe(result)}, want ${outcome.value}${outcome.ulps ? ` (to ${outcome.ulps} ulp)` : ""}`,
          );
        }
      } else if (!error) {
        failures.push(`${where} returned ${describe(result)}, want ${outcome.throws.name}`);
      } else if (
        !(error instanceof outcome.throws) ||
        (error as Error).constructor !== outcome.throws
      ) {
        failures.push(
          `${where} threw ${(error as Error).constructor.name}: ${(error as Error).message}, want ${outcome.throws.name}`,
        );
      } else if (!outcome.message.test((error as Error).message)) {
        failures.push(
          `${where} message "${(error as Error).message}" does not match ${outcome.message}`,
        );
      }
    }
  }
  assert.equal(failures, []);
  assert.ok(checked > 100, `only ${checked} cases`);
});

test("the slow path reports the first offending entry, not the one the hot loop tripped on", () => {
  // Index 1 is +Infinity (seen only through the sum); index 3 is negative (seen in the loop).
  assert.throws(
    () => klDivergence([0.1, Infinity, 0.2, -1], [0.25, 0.25, 0.25, 0.25]),
    /p\[1\] = Infinity is not finite/,
  );
  assert.throws(
    () =>
      throwFirstInvalid(
        "f",
        ["a", "b"],
        [
          [0, 1],
          [0, -1],
        ],
        ["probability", "probability"],
      ),
    /^f: b\[1\] = -1 is negative$/,
  );
});

test("entryError accepts finite non-negative probabilities and any logit but NaN and +Infinity", () => {
  assert.is(entryError("f", "x", 0, "probability"), undefined);
  assert.is(entryError("f", "x", -Infinity, "logit"), undefined);
  assert.ok(entryError("f", "x", -0.5, "probability") instanceof RangeError);
  assert.ok(entryError("f", "x", Infinity, "logit") instanceof RangeError);
  assert.ok(entryError("f", "x", "1", "logit") instanceof TypeError);
});

test("checkVector returns the length; checkSum returns the sum and honours the tolerance", () => {
  assert.is(checkVector("f", "p", new Float64Array(3)), 3);
  const never = (): never => {
    throw new Error("rescan");
  };
  assert.is(checkSum("f", "p", 1 + 5e-10, 1, false, 1e-9, never), 1 + 5e-10);
  assert.throws(() => checkSum("f", "p", 1 + 5e-9, 1, false, 1e-9, never), RangeError);
  assert.is(checkSum("f", "p", 1 + 5e-9, 10, false, 1e-9, never), 1 + 5e-9);
  assert.throws(() => checkSum("f", "p", Infinity, 1, true, 1e-9, never), /rescan/);
});

test("checkOptions returns ln(base), exactly 1 for e; fromNats clamps negatives to 0", () => {
  assert.is(checkOptions("f", Math.E, false, 0), 1);
  assert.is(checkOptions("f", 2, true, Infinity), Math.LN2);
  assert.is(fromNats(-1e-17, 1), 0);
  assert.is(fromNats(Math.LN2, Math.LN2), 1);
});

test("readOptions reads only an options object's own properties: an inherited or polluted prototype key sets nothing", () => {
  const inherited = Object.create({ base: 2 }) as { base?: number };
  assert.is(readOptions("f", inherited, ["base"]).base, undefined);
  // the functions see the default (nats), not the prototype's base 2
  assert.is(entropy([0.5, 0.5], inherited), Math.LN2);
  const proto = Object.prototype as Record<string, unknown>;
  proto.normalize = true;
  try {
    assert.throws(
      () => entropy([1, 1]),
      (e: Error) => e instanceof RangeError && /sums to 2, not 1/.test(e.message),
    );
  } finally {
    delete proto.normalize;
  }
  // with a key of its own besides (readOptions then returns no copy of the object only when
  // nothing else is reachable): the prototype's key still sets nothing
  const mixed = Object.create({ base: 2 }) as { base?: number; normalize?: boolean };
  mixed.normalize = false;
  assert.is(readOptions("f", mixed, ["base", "normalize"]).base, undefined);
  assert.is(entropy([0.5, 0.5], mixed), Math.LN2);
  // an own key that is not enumerable is an option set (destructuring reads it, and so does
  // readOptions: the referee's non-enumerable `base: 0.5` must not be ignored)
  const hidden = {} as { base?: number };
  Object.defineProperty(hidden, "base", { value: 2, enumerable: false });
  assert.is(readOptions("f", hidden, ["base", "normalize"]).base, 2);
  assert.is(entropy([0.5, 0.5], hidden), 1);
  // and an ordinary own option is read
  assert.is(entropy([0.5, 0.5], { base: 2 }), 1);
});

test("readOptions: undefined gives no options, null and non-objects are a TypeError, an unknown key is a TypeError naming it", () => {
  // no options: every known key reads undefined, and no prototype is consulted (a polluted
  // Object.prototype.base sets nothing)
  const none = readOptions("f", undefined, ["base"]) as { base?: number };
  assert.is(none.base, undefined);
  const proto = Object.prototype as Record<string, unknown>;
  proto.base = 2;
  try {
    assert.is((readOptions("f", undefined, ["base"]) as { base?: number }).base, undefined);
    assert.is(entropy([0.5, 0.5]), Math.LN2);
  } finally {
    delete proto.base;
  }
  const o = { a: 1 };
  assert.equal({ ...readOptions("f", o, ["a"]) }, { a: 1 });
  assert.throws(
    () => readOptions("f", null as any, ["a"]),
    (e: Error) =>
      e instanceof TypeError && e.message === "f: options = null is not an options object",
  );
  assert.throws(
    () => readOptions("f", [1] as any, ["a"]),
    (e: Error) => e instanceof TypeError && /options = \[array of 1\]/.test(e.message),
  );
  assert.throws(
    () => readOptions("f", { lambda: 5 } as any, ["l2", "intercept"]),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "f: options.lambda = 5 is not an option (known: l2, intercept)",
  );
});

test("scalar checks reject strings, null and booleans with a TypeError and NaN or out-of-range values with a RangeError", () => {
  for (const bad of ["3", null, true, undefined, 3n, {}]) {
    assert.throws(
      () => checkNumber("f", "x", bad),
      (e: Error) => e instanceof TypeError && /^f: x = .* is not a number$/.test(e.message),
    );
  }
  assert.throws(
    () => checkNumber("f", "x", NaN),
    (e: Error) => e instanceof RangeError && e.message === "f: x = NaN is not a number",
  );
  assert.is(checkFinite("f", "x", -0), -0);
  assert.throws(() => checkFinite("f", "x", -Infinity), /^f: x = -Infinity is not finite$/);
  assert.throws(() => checkPositive("f", "sigma", 0), /^f: sigma = 0 must be finite and > 0$/);
  assert.is(checkInteger("f", "n", 3, 1), 3);
  assert.throws(() => checkInteger("f", "n", 2.5, 1), /^f: n = 2.5 must be an integer >= 1$/);
  assert.throws(() => checkInteger("f", "k", 9, 1, 5), /^f: k = 9 must be an integer in \[1, 5\]$/);
});

test("checkSample accepts number[] and Float64Array of finite numbers and names the first bad entry", () => {
  assert.is(checkSample("f", "xs", [1, 2]), 2);
  assert.is(checkSample("f", "xs", new Float64Array(3)), 3);
  assert.throws(
    () => checkSample("f", "xs", [1, null, 3]),
    (e: Error) => e instanceof TypeError && e.message === "f: xs[1] = null is not a number",
  );
  assert.throws(
    () => checkSample("f", "xs", [1, "2"]),
    (e: Error) => e instanceof TypeError && e.message === 'f: xs[1] = "2" is not a number',
  );
  assert.throws(
    () => checkSample("f", "xs", [1, Infinity, NaN]),
    (e: Error) => e instanceof RangeError && e.message === "f: xs[1] = Infinity is not finite",
  );
  assert.throws(
    () => checkSample("f", "xs", new Float32Array(2)),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "f: xs = Float32Array(2) is not a number[] or Float64Array",
  );
  assert.throws(() => checkSample("f", "xs", { length: 1, 0: 1 }), TypeError);
  assert.throws(
    () => checkSample("f", "xs", []),
    (e: Error) => e instanceof RangeError && e.message === "f: xs is empty",
  );
});

test("checkRng names the function when the generator lacks next, normal or int", () => {
  assert.not.throws(() => checkRng("f", { next: () => 0, normal: () => 0, int: () => 0 }));
  assert.throws(
    () => checkRng("g.sample", { next: Math.random }),
    (e: Error) =>
      e instanceof TypeError && /^g\.sample: rng = \[object\] is not an Rng/.test(e.message),
  );
  assert.throws(() => checkRng("g.sample", null), /^g\.sample: rng = null is not an Rng/);
});

test("an Array Proxy whose length is not an array length is refused by name (it returned 0, -Infinity, -1 and NaN)", () => {
  const px = new Proxy([0.5, 0.5], { get: (o, k) => (k === "length" ? NaN : (o as any)[k]) });
  assert.throws(
    () => entropy(px),
    (e: Error) =>
      e instanceof TypeError && e.message === "entropy: p.length = NaN is not an array length",
  );
  assert.throws(() => logSumExp(px), /^logSumExp: xs.length = NaN/);
  assert.throws(() => argmax(px), /argmax: values.length = NaN/);
  assert.throws(() => categorical(px), /categorical: probs.length = NaN/);
  assert.throws(() => fitBernoulli(px), /fitBernoulli: xs.length = NaN/);
});

test("a Proxy of a Float64Array is refused by name, not with the engine's 'incompatible receiver' TypeError (ref5 finding 4)", () => {
  const px = new Proxy(new Float64Array(4).fill(0.25), {});
  const rule = "is not a number[] or Float64Array (a Proxy)";
  assert.throws(
    () => entropy(px),
    (e: Error) => e instanceof TypeError && e.message === `entropy: p = [object] ${rule}`,
  );
  assert.throws(
    () => logSumExp(px),
    (e: Error) => e.message === `logSumExp: xs = [object] ${rule}`,
  );
  assert.throws(
    () => argmax(px),
    (e: Error) => e.message === `argmax: values = [object] ${rule}`,
  );
  assert.throws(
    () => info.softmax(px),
    (e: Error) => e.message === `softmax: logits = [object] ${rule}`,
  );
  // a Float64Array of another realm and a subclass are still Float64Arrays
  class F extends Float64Array {}
  assert.is(entropy(new F([0.5, 0.5]), { base: 2 }), 1);
  assert.is(entropy(runInNewContext("new Float64Array([0.5, 0.5])"), { base: 2 }), 1);
});

test("options that set something are read or refused: a non-enumerable own option is read, a Map or a Date is not an options object", () => {
  assert.throws(
    () => entropy([0.5, 0.5], Object.defineProperty({}, "base", { value: 0.5 })),
    (e: Error) => e instanceof RangeError && /^entropy: base = 0.5/.test(e.message),
  );
  assert.is(entropy([0.5, 0.5], Object.defineProperty({}, "base", { value: 2 })), 1);
  for (const o of [new Map([["base", 2]]), new Date(0)])
    assert.throws(
      () => entropy([0.5, 0.5], o as unknown as object),
      (e: Error) =>
        e instanceof TypeError &&
        e.message === "entropy: options = [object] is not an options object",
    );
  assert.is(entropy([0.5, 0.5], Object.create(null)), Math.LN2);
});

test.run();
