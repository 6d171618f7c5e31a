// Exercises of notebooks/05-mle-is-min-kl-is-min-cross-entropy.ipynb.
import { crossEntropy, empiricalDistribution, entropy, fitPoisson, klDivergence, poisson } from "mlekit";
import { expectNumber, type ExerciseSet } from "notebook-kit";

/** The data of all three exercises: 0 once, 1 twice, 2 three times (m = 6). */
const DATA = [2, 0, 1, 2, 1, 2];
const pHat = empiricalDistribution(DATA);
const lambdaML = fitPoisson(DATA).params.lambda;

/** p̂ and a Poisson model on {0, 1, 2, "3 or more"}: the last outcome has p̂ = 0 and q = the remaining mass. */
function onSupport(lambda: number): { p: number[]; q: number[] } {
  const model = poisson(lambda);
  const q = [0, 1, 2].map((v) => model.prob(v));
  q.push(Math.max(0, 1 - q[0] - q[1] - q[2]));
  const p = [0, 1, 2].map((v) => pHat.probs[pHat.support.indexOf(v)]);
  p.push(0);
  return { p, q };
}
const atML = onSupport(lambdaML);

export const exercises: ExerciseSet = {
  notebook: "05-mle-is-min-kl-is-min-cross-entropy",
  exercises: [
    {
      id: "05.1",
      title: "H(p̂) of a sample with repeated values (nats)",
      check: expectNumber(entropy(pHat.probs), {
        mistakes: [
          { value: Math.log(pHat.support.length), hint: "log 3 treats p̂ as uniform over the 3 distinct values; p̂ gives 1/m to each *sample*, so 2 gets 3/6." },
          { value: entropy(pHat.probs, { base: 2 }), hint: "that is in bits; the question asks for nats." },
          { value: Math.log(DATA.length), hint: "log 6 would be right if all six values were distinct; here they repeat." },
        ],
        hint: "p̂(v) = count/m, then H(p̂) = −Σ_v p̂(v) log p̂(v).",
      }),
    },
    {
      id: "05.2",
      title: "λ minimising KL(p̂‖Poisson(λ))",
      check: expectNumber(lambdaML, {
        mistakes: [
          { value: 2, hint: "2 is the most frequent value (the mode of p̂). Minimising KL is maximising likelihood: λ_ML is the sample mean." },
          { value: 1, hint: "1 is the mean of the distinct values; weight each value by p̂." },
        ],
        hint: "argmin KL(p̂‖p_model) = θ_ML; for a Poisson model that is the sample mean.",
      }),
    },
    {
      id: "05.3",
      title: "KL(p̂‖p_model) at λ_ML (nats)",
      check: expectNumber(klDivergence(atML.p, atML.q), {
        mistakes: [
          { value: crossEntropy(atML.p, atML.q), hint: "that is the cross-entropy H(p̂, p_model); subtract H(p̂)." },
          { value: entropy(pHat.probs), hint: "that is H(p̂), the offset between the curves, not the KL." },
        ],
        hint: "KL(p̂‖p_model) = H(p̂, p_model) − H(p̂) = (average NLL at λ_ML) − H(p̂).",
      }),
    },
  ],
};
