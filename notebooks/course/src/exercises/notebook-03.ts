// Exercises of notebooks/03-self-information-and-entropy.ipynb.
import { entropy, gaussian, selfInformation } from "mlekit";
import { expectNumber, type ExerciseSet } from "notebook-kit";

/** Exercise 03.2: every probability a power of ½, so an optimal prefix code meets H exactly. */
const DYADIC = [1 / 4, 1 / 4, 1 / 4, 1 / 8, 1 / 8];

export const exercises: ExerciseSet = {
  notebook: "03-self-information-and-entropy",
  exercises: [
    {
      id: "03.1",
      title: "surprisal of rolling a six, in bits",
      check: expectNumber(selfInformation(1 / 6, { base: 2 }), {
        mistakes: [
          { value: selfInformation(1 / 6), hint: "that is in nats; divide by ln 2 to get bits." },
          { value: -selfInformation(1 / 6, { base: 2 }), hint: "check the sign: I(x) = −log P(x) is never negative." },
        ],
        hint: "I(x) = −log₂ P(x) with P(six) = 1/6.",
      }),
    },
    {
      id: "03.2",
      title: "entropy of (1/4, 1/4, 1/4, 1/8, 1/8) in bits",
      check: expectNumber(entropy(DYADIC, { base: 2 }), {
        mistakes: [
          { value: entropy(DYADIC), hint: "that is in nats; use log base 2 for bits." },
          { value: Math.log2(DYADIC.length), hint: "log₂ 5 bits is the entropy of the uniform distribution on 5 outcomes, the maximum; this one is not uniform." },
        ],
        hint: "H = Σ P(x) · I(x): each outcome's surprisal in bits (2, 2, 2, 3, 3) weighted by its probability.",
      }),
    },
    {
      id: "03.3",
      title: "differential entropy of N(3, 2²) in nats",
      check: expectNumber(gaussian(3, 2).entropy(), {
        mistakes: [
          { value: gaussian(3, Math.SQRT2).entropy(), hint: "the formula has σ² inside the logarithm, and σ = 2 here, so σ² = 4." },
          { value: gaussian(3, 2).entropy({ base: 2 }), hint: "that is in bits; the question asks for nats." },
        ],
        hint: "h = ½ log(2πe σ²); the mean does not enter.",
      }),
    },
  ],
};
