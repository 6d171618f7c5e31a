import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { softmax } from "../../lib/src/information";
import { FIXTURES, SEED } from "./helpers";
import { assertUlps, throwsExactly } from "../helpers/numeric";

test("softmax is within 4 ulps of the 50-digit mpmath softmax on every fixture", () => {
  for (const f of FIXTURES.softmax) {
    const out = softmax(f.logits);
    assert.ok(out instanceof Float64Array);
    f.expected.forEach((e: number, i: number) => assertUlps(out[i], e, 4, `${f.call}[${i}]`));
  }
});

test("softmax of huge equal logits is uniform, and -Infinity gets probability 0", () => {
  assert.equal(Array.from(softmax([1000, 1000])), [0.5, 0.5]);
  assert.equal(Array.from(softmax(new Float64Array([0, -Infinity]))), [1, 0]);
});

test("softmax gives a term whose zᵢ − max is −Infinity probability 0, not NaN, beside finite terms", () => {
  // the hot loop leaves out expShifted's guard for a 0 term (its r is NaN there) and redoes the
  // terms when the sum comes out NaN; reference: mpmath, 1/(1 + e^-1) and e^-1/(1 + e^-1)
  const out = softmax([0, -Infinity, -1]);
  assertUlps(out[0], 0.7310585786300049, 1, "softmax([0, -Infinity, -1])[0]");
  assert.is(out[1], 0);
  assertUlps(out[2], 0.2689414213699951, 1, "softmax([0, -Infinity, -1])[2]");
  // zᵢ − max overflows to −Infinity: exp(−2e308) is 0, and exp(−5e307) too
  assert.equal(Array.from(softmax([-1e308, 1e308, 5e307])), [0, 1, 0]);
});

test("softmax sums to 1 with entries in [0, 1] (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 60 }),
      (z) => {
        const s = softmax(z);
        let t = 0;
        for (const v of s) {
          if (!(v >= 0 && v <= 1)) return false;
          t += v;
        }
        return Math.abs(t - 1) <= 1e-14 * z.length;
      },
    ),
    { seed: SEED },
  );
});

test("softmax carries the rounding of zᵢ − max also where a logit is further from 0 than the maximum", () => {
  // max 0.3 and a logit −30.123 or −700.123: |zᵢ| > |max|, so the error of fl(zᵢ − max) needs
  // TwoSum; the two-operation Fast2Sum form z − (d + m) gives 0 there (d + m rounds back to z) and
  // leaves exp(d) up to 0.5 ulp(d) off in its argument: 5 and 294 ulps in the result.
  // References: mpmath at 50 digits, mp.exp(mpf(z[i])) / fsum(mp.exp(mpf(v)) for v in z)
  const a = softmax([0.3, -30.123]);
  assertUlps(a[0], 0.9999999999999387, 1, "softmax([0.3, -30.123])[0]");
  assertUlps(a[1], 6.129978863603082e-14, 1, "softmax([0.3, -30.123])[1]");
  const b = softmax([0.3, -20.7]);
  assertUlps(b[1], 7.58256042216239e-10, 1, "softmax([0.3, -20.7])[1]");
  const c = softmax(new Float64Array([0.3, -700.123]));
  assert.is(c[0], 1);
  assertUlps(c[1], 6.458863433210384e-305, 1, "softmax([0.3, -700.123])[1]");
});

test("softmax's errors are exact and name the function", () => {
  // the messages of the doc comment's @throws (checkVector and logitMax, with "softmax")
  throwsExactly(() => softmax([]), RangeError, "softmax: logits is empty");
  throwsExactly(() => softmax(new Float64Array(0)), RangeError, "softmax: logits is empty");
  throwsExactly(
    () => softmax("ab" as unknown as number[]),
    TypeError,
    'softmax: logits = "ab" is not a number[] or Float64Array',
  );
  throwsExactly(() => softmax([0, NaN]), RangeError, "softmax: logits[1] = NaN is not a number");
  throwsExactly(
    () => softmax([0, Infinity]),
    RangeError,
    "softmax: logits[1] = Infinity is not allowed (the result would be undefined)",
  );
  throwsExactly(
    () => softmax([-Infinity, -Infinity]),
    RangeError,
    "softmax: every logit is -Infinity, so the distribution is undefined (0/0)",
  );
});

// Logits whose shifts zᵢ − max round (|zᵢ − max| of 0.6 to 30.9), in both of the hot loop's
// branches (Fast2Sum of the shift where the maximum is ≥ 0 and ≥ −min z: the first two rows; TwoSum
// elsewhere: the last two), with the maximum first, inside and last, so both halves [0, k) and
// (k, n) of each loop run. References: mpmath at 50 digits, mp.exp(mpf(z[i])) / fsum(mp.exp(mpf(v)) for v in z).
const SHIFTED: [number[], number[]][] = [
  [
    [-0.3, 30.123, 9.77, 29.5],
    [3.990006572533098e-14, 0.6509005432667359, 9.42581786951563e-10, 0.34909945579064244],
  ],
  [
    [30.123, -0.3],
    [0.9999999999999387, 6.129978863603082e-14],
  ],
  [
    [-30.123, 0.3, -20.7, 0.1],
    [3.370470780610777e-14, 0.5498339970832253, 4.1691495082038986e-10, 0.45016600249982597],
  ],
  [
    [-20.7, -30.123, 0.3],
    [7.582560422161925e-10, 6.129978858954989e-14, 0.9999999992416827],
  ],
];

test("softmax is within 1 ulp of mpmath where the shifts round, in both branches of its hot loop", () => {
  for (const [z, expected] of SHIFTED) {
    const out = softmax(z);
    expected.forEach((e, i) => assertUlps(out[i], e, 1, `softmax([${z.join(", ")}])[${i}]`));
  }
});

// A maximum held by more than one logit: every copy but the first is a term exp(0) = 1 of the sum.
// Both branches of the hot loop (Fast2Sum: the first row; TwoSum: the second) and a triple tie.
// References: mpmath at 50 digits, mp.exp(mpf(z[i])) / fsum(mp.exp(mpf(v)) for v in z).
const TIED: [number[], number[]][] = [
  [
    [0.5, 0.5, -0.2],
    [0.4005470986636675, 0.4005470986636675, 0.198905802672665],
  ],
  [
    [-1, -3, -1],
    [0.4683105308334812, 0.06337893833303762, 0.4683105308334812],
  ],
  [
    [-2.5, 7, 7, 7],
    [2.4949987445161548e-5, 0.3333250166708516, 0.3333250166708516, 0.3333250166708516],
  ],
];

test("softmax counts every copy of a tied maximum, within 1 ulp of mpmath", () => {
  for (const [z, expected] of TIED) {
    const out = softmax(new Float64Array(z));
    expected.forEach((e, i) => assertUlps(out[i], e, 1, `softmax([${z.join(", ")}])[${i}]`));
  }
});

// Seeded inputs (an LCG, seed 777, 3,000 draws: logits near a positive maximum, a maximum near 0,
// −∞ entries, and chains of logits 0.7 to 3.7 apart in increasing or decreasing order, where each
// term outweighs the sum so far) on which the code is within 1 ulp of mpmath everywhere and a
// variant of a sum is 3 to 11 ulps off (the hot loops' sums by s − v, the guarded second loop's
// sum by s − v, its compensation subtracted or with either branch always or the wrong one, its
// s − c): the code's worst over the 3,000 was 2 ulps. The rows with −∞ run the second loop.
// References: mpmath at 50 digits, mp.exp(mpf(z[i])) / fsum(mp.exp(mpf(v)) for v in z).
const SUMS: [number[], number[]][] = [
  [
    [
      16.096466064453125, 14.418279803183395, 15.661576318738685, 15.853061103652976,
      15.120327909502269, 16.069376697783337, 7.2946843410186375, 13.023506672675921,
      15.498076596982628, 16.044372161722357, 13.567966999607847, 12.489192746725053,
      15.462993202609027,
    ],
    [
      0.16257360373308694, 0.03035449415083842, 0.10523975199001695, 0.1274502235026575,
      0.061251766530278584, 0.15822870376454493, 2.4461596569979138e-5, 0.007524553350764884,
      0.08936609661872927, 0.15432132313643557, 0.01296990638413375, 0.004409924316598263,
      0.08628519092534498,
    ],
  ],
  [
    [
      -9.926819503307343, -8.15270882844925, -0.1295650601387024, -2.972129002213478,
      -11.938940823078156, 0.02499598264694214, -1.9366443753242493, -0.20354002714157104,
      -10.808166518807411, -11.892286121845245, -1.2478845715522766, -4.5979596972465515,
    ],
    [
      1.520497193295683e-5, 8.963385997286092e-5, 0.27345077922766325, 0.015935633420254162,
      2.0329768662217032e-6, 0.3191568523800988, 0.04488224688392245, 0.25395235543659,
      6.298272942591708e-6, 2.1300721591462e-6, 0.08937152579114907, 0.0031353067064485377,
    ],
  ],
  [
    [-6.614769693761701, -3.4075258438622598, -Infinity, 0.6061837388844253],
    [0.000717615747291844, 0.017732920472947153, 0, 0.981549463779761],
  ],
  [
    [
      -4.693354027718291,
      -7.196796982735381,
      -9.7720163874328,
      -10.917398356646284,
      -11.787283753603681,
      -13.526116179674847,
      -16.694370030611736,
      -18.289607714861614,
      -20.670124673098307,
      -23.327471350878458,
      -26.027189856767635,
      -26.771785336732844,
      -30.236185640096643,
      -31.88544927239416,
      -33.07253065109251,
      -34.1030310153961,
      -37.2229106903076,
      -40.49192690849303,
      -44.19067735671996,
      -45.666364336013785,
      -47.92684993743896,
      -49.999603796005246,
      -Infinity,
    ],
    [
      0.9165937865009376, 0.07498000201483034, 0.005708761120455145, 0.0018159705521449876,
      0.0007608908716216846, 0.0001337078933614508, 5.626027900626571e-6, 1.1412977418920474e-6,
      1.0557317409201304e-7, 7.4042756804060565e-9, 4.977482370468803e-10, 2.36393767537133e-10,
      7.39717830800837e-12, 1.4216739075055992e-12, 4.337675908665948e-13, 1.547805831509778e-13,
      6.835494710321356e-15, 2.6004843635351284e-16, 6.4373531823558324e-18, 1.4717180793917287e-18,
      1.5349993711740677e-19, 1.931624204627542e-20, 0,
    ],
  ],
  [
    [
      -Infinity,
      -56.81250699162483,
      -55.397766953706736,
      -52.64325841665267,
      -49.32143665552138,
      -48.54029625654219,
      -45.58136370703576,
      -43.07428832575677,
      -42.268716221302725,
      -39.85693284198639,
      -38.94372798129913,
      -38.16722270771858,
    ],
    [
      0, 4.785795302671166e-9, 1.9695540832992247e-8, 3.094822665902051e-7, 8.575997181426391e-6,
      1.8729647096284847e-5, 0.0003610585827148981, 0.00442982609222578, 0.009913846644575862,
      0.11057740906500241, 0.2755917684389356, 0.599098451568665,
    ],
  ],
  [
    [
      -16.049985682964305,
      -18.967169392108897,
      -21.254280030727365,
      -22.989337694644906,
      -25.866336905956246,
      -27.314173614978767,
      -30.24608202576635,
      -31.40773811936376,
      -33.149895769357656,
      -36.425087684392906,
      -38.41422474980352,
      -39.59707145690916,
      -40.60608947277068,
      -43.74848217964171,
      -47.27687981128692,
      -50.316799259185785,
      -52.516637969017026,
      -Infinity,
    ],
    [
      0.9428483696247529, 0.05099470301237935, 0.005178995539679601, 0.0009135231716378825,
      5.143451936169911e-5, 1.2091138403422613e-5, 6.444000243788639e-7, 2.0167623117200428e-7,
      3.532199810212118e-8, 1.3355110538994671e-9, 1.8271585552107111e-10, 5.598509737266001e-11,
      2.0410868347445782e-11, 8.813282047992071e-13, 2.5868666833745066e-14, 1.2375245005383325e-15,
      1.3714374136383757e-16, 0,
    ],
  ],
  [
    [
      -Infinity,
      -49.53148083686828,
      -47.67219791412353,
      -44.455190801620475,
      -41.334625911712635,
      -39.10956406593321,
      -38.02411918640135,
      -35.65350556969641,
      -32.414999657869316,
      -31.491165739297845,
      -28.299440324306467,
      -26.80248521566389,
      -23.13475183248518,
      -20.001600587367992,
      -17.92403520345686,
      -16.09380525350569,
      -14.26708291769026,
      -13.11272958517073,
      -10.360855334997161,
      -6.77136127352713,
      -3.9021969735622246,
      -0.28115441203115754,
      3.362245970964448,
    ],
    [
      0, 1.0399594796061049e-23, 6.675637285564332e-23, 1.6657935220789624e-21,
      3.7745508543811594e-20, 3.492990162367885e-19, 1.0341894046688212e-18, 1.1069920362243092e-17,
      2.8223426824003946e-16, 7.109281594075095e-16, 1.7297146039614814e-14, 7.728474806095472e-14,
      3.026705492936825e-12, 6.945131316207438e-11, 5.545690695850448e-10, 3.457915780266438e-9,
      2.1485716547687365e-8, 6.815208147695151e-8, 1.0680778930537264e-6, 3.868124019097321e-5,
      0.0006816518426743409, 0.025477770208474106, 0.9738007349079111,
    ],
  ],
];

test("softmax is within 1 ulp of mpmath on seeded inputs that need its compensated sums", () => {
  for (const [z, expected] of SUMS) {
    const out = softmax(z);
    expected.forEach((e, i) => assertUlps(out[i], e, 1, `softmax([${z.join(", ")}])[${i}]`));
  }
});

test.run();
