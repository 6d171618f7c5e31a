// Exercises of notebooks/04-kl-divergence-and-cross-entropy.ipynb.
import { klDivergence } from "mlekit";
import { expectChoice, expectNumber, type ExerciseSet } from "notebook-kit";

/** Exercise 04.1: two distributions on three outcomes. */
const P = [1 / 2, 1 / 4, 1 / 4];
const Q = [1 / 8, 1 / 2, 3 / 8];
const klBits = klDivergence(P, Q, { base: 2 });

/**
 * Exercise 04.2: p = ½ N(−1, 1) + ½ N(3, 1). The Gaussian that minimises KL(p‖q) matches p's
 * mean and variance: Var_p = E[component variance] + Var[component means] = 1 + 4 = 5.
 */
const COMPONENT_VARIANCE = 1;
const MEANS = [-1, 3];
const meanOfMeans = (MEANS[0] + MEANS[1]) / 2;
const mixtureVariance = COMPONENT_VARIANCE + MEANS.reduce((s, m) => s + (m - meanOfMeans) ** 2, 0) / MEANS.length;

export const exercises: ExerciseSet = {
  notebook: "04-kl-divergence-and-cross-entropy",
  exercises: [
    {
      id: "04.1",
      title: "KL(P‖Q) in bits",
      check: expectNumber(klBits, {
        mistakes: [
          { value: klDivergence(P, Q), hint: "that is in nats; the question asks for bits (log base 2)." },
          { value: klDivergence(Q, P, { base: 2 }), hint: "that is KL(Q‖P): the expectation is taken under P, and P sits on top of the ratio." },
          { value: klDivergence(Q, P), hint: "that is KL(Q‖P), in nats: swap the arguments back and use log base 2." },
        ],
        hint: "KL(P‖Q) = Σ P(x) log₂(P(x)/Q(x)); three terms, one per outcome.",
      }),
    },
    {
      id: "04.2",
      title: "σ² of the forward-KL Gaussian fit to a mixture",
      check: expectNumber(mixtureVariance, {
        mistakes: [
          {
            value: COMPONENT_VARIANCE,
            hint: "that is one component's variance. Forward KL must cover both modes. (Reverse KL does not pick it either: these modes are only 4σ apart, and its best Gaussian is μ = 1, σ² ≈ 4.19 from every start; run the check cell.)",
          },
          { value: Math.sqrt(mixtureVariance), hint: "that is σ; the question asks for σ²." },
          { value: 4, hint: "you found the spread of the component means; add the variance inside each component too." },
        ],
        hint: "minimising KL(p‖q) over Gaussians q matches moments: σ² = Var_p[x] = E[within-component variance] + Var[component means].",
      }),
    },
    {
      id: "04.3",
      title: "which direction avoids mass where p ≈ 0",
      check: expectChoice("reverse", {
        choices: ["forward", "reverse"],
        mistakes: {
          forward:
            "forward KL, E_p[log p/q], only looks where p has mass: it punishes q ≈ 0 there, and does not mind q > 0 where p ≈ 0.",
        },
      }),
    },
  ],
};
