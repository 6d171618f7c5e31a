// Exercises of notebooks/01-iid-and-the-empirical-distribution.ipynb.
import { categorical, empiricalDistribution } from "mlekit";
import { expectNumber, type ExerciseSet } from "notebook-kit";

/** The sample of exercises 01.1 and 01.2: 3 occurs three times, 1 twice, 2 once. */
const SAMPLE = [3, 1, 3, 3, 2, 1];
const pHat = empiricalDistribution(SAMPLE);
/** Mean of x² over the distinct values: the "uniform over the support" mistake. */
const uniformOverSupport = pHat.support.reduce((s, v) => s + v * v, 0) / pHat.support.length;

/** The die rolls of exercise 01.3, as faces 1…6; the fair-die model is categorical on 0…5. */
const ROLLS = [1, 6, 6, 2, 6, 3];
const fairDie = categorical([1, 1, 1, 1, 1, 1].map((w) => w / 6));
const avgLogFair = empiricalDistribution(ROLLS).expectation((face) => fairDie.logProb(face - 1));

export const exercises: ExerciseSet = {
  notebook: "01-iid-and-the-empirical-distribution",
  exercises: [
    {
      id: "01.1",
      title: "p̂(3) with repeated values",
      check: expectNumber(pHat.probs[pHat.support.indexOf(3)], {
        mistakes: [{ value: 1 / 3, hint: "1/3 is 1/(number of distinct values): uniform over the support. p̂ gives 1/m to each *sample*." }],
        hint: "p̂(v) = (number of samples equal to v) / m.",
      }),
    },
    {
      id: "01.2",
      title: "E over p̂ of x² with repeated values",
      check: expectNumber(pHat.expectation((x) => x * x), {
        mistakes: [{ value: uniformOverSupport, hint: "you averaged over the distinct values {1, 2, 3}; that is the uniform-over-the-support mistake. Average over all m samples." }],
        hint: "E_{x~p̂}[f] = (1/m) Σ_i f(x⁽ⁱ⁾): square every sample, repeats included, then average.",
      }),
    },
    {
      id: "01.3",
      title: "average log-probability of the rolls under a fair die (nats)",
      check: expectNumber(avgLogFair, {
        mistakes: [
          { value: -avgLogFair, hint: "check the sign: a log of a probability is never positive." },
          { value: avgLogFair / Math.LN2, hint: "that is in bits; use the natural logarithm (nats)." },
        ],
        hint: "each roll has p_model = 1/6 whatever its face, so every term of the average is the same.",
      }),
    },
  ],
};
