// Types shared by the exercise files: what an exercise is and what a check says.

/** The outcome of checking one answer: accepted, or rejected with a hint for the student. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly hint: string };

/** A checker: judges a student's value. It never throws for a wrong answer; it says why in `hint`. */
export type Checker = (value: unknown) => Verdict;

/** One exercise at the end of a notebook. */
export interface Exercise {
  /** `"NN.k"`: the notebook's two-digit number, a dot, and the exercise number, e.g. `"01.2"`. */
  readonly id: string;
  /** A few words naming what is asked, printed beside ✓/✗. */
  readonly title: string;
  /** Judges an answer. */
  readonly check: Checker;
}

/** The exercises of one notebook, as a `notebook-NN.ts` file exports them. */
export interface ExerciseSet {
  /** The notebook's file name without `.ipynb`, e.g. `"01-iid-and-the-empirical-distribution"`. */
  readonly notebook: string;
  /** Its exercises, in the order the notebook asks them. */
  readonly exercises: readonly Exercise[];
}
