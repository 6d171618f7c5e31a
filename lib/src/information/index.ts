// Re-exports of the information group. Only re-exports live here.

// types
export type { Probabilities, InfoOptions, JointTable } from "./types";

// entropies and divergences
export { selfInformation } from "./self-information";
export { entropy } from "./entropy";
export { crossEntropy } from "./cross-entropy";
export { klDivergence } from "./kl-divergence";
export { jsDivergence } from "./js-divergence";
export { binaryEntropy } from "./binary-entropy";

// joint tables
export { jointEntropy } from "./joint-entropy";
export { conditionalEntropy } from "./conditional-entropy";
export { mutualInformation } from "./mutual-information";

// log-space forms
export { logSumExp } from "./log-sum-exp";
export { softmax } from "./softmax";
export { logSoftmax } from "./log-softmax";
export { crossEntropyFromLogits } from "./cross-entropy-from-logits";
export { binaryCrossEntropyFromLogit } from "./binary-cross-entropy-from-logit";
