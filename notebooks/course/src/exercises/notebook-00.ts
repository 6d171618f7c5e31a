// Exercises of notebooks/00-start-here.ipynb.
import { empiricalDistribution, entropy } from "mlekit";
import { expectChoice, expectNumber, type ExerciseSet } from "notebook-kit";

export const exercises: ExerciseSet = {
  notebook: "00-start-here",
  exercises: [
    {
      id: "00.1",
      title: "p̂_data(1) for the sample [1, 1, 1, 0]",
      check: expectNumber(empiricalDistribution([1, 1, 1, 0]).probs[1], {
        mistakes: [{ value: 0.5, hint: "0.5 puts equal mass on each distinct value; p̂_data puts 1/m on each *sample*." }],
        hint: "count how many of the m samples equal 1, and divide by m.",
      }),
    },
    {
      id: "00.2",
      title: "one bit in nats",
      // A fair coin carries exactly one bit; its entropy in nats is that bit's size in nats.
      check: expectNumber(entropy([0.5, 0.5]), {
        mistakes: [
          { value: 1 / Math.LN2, hint: "that is the number of bits in one nat; invert it." },
          { value: 1, hint: "a bit and a nat are different units: a bit uses log base 2, a nat the natural log, and e > 2." },
        ],
        hint: "a fair coin carries one bit; compute its entropy with the natural logarithm.",
      }),
    },
    {
      id: "00.3",
      title: "the term dropped between min KL and min cross-entropy",
      check: expectChoice("a", {
        choices: ["a", "b", "c", "d"],
        mistakes: {
          b: "H(p_model) changes with θ, so it cannot be dropped.",
          c: "the KL divergence is what we minimise; it is not dropped.",
          d: "m is constant, but it is divided out earlier (step 3), not between KL and cross-entropy.",
        },
      }),
    },
  ],
};
