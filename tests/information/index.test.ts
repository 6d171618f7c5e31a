import { test } from "uvu";
import * as assert from "uvu/assert";
import * as info from "../../lib/src/information";
import * as lib from "../../lib/src";

const API = [
  "binaryCrossEntropyFromLogit",
  "binaryEntropy",
  "conditionalEntropy",
  "crossEntropy",
  "crossEntropyFromLogits",
  "entropy",
  "jointEntropy",
  "jsDivergence",
  "klDivergence",
  "logSoftmax",
  "logSumExp",
  "mutualInformation",
  "selfInformation",
  "softmax",
];

test("the information barrel exports exactly the functions of the public API", () => {
  assert.equal(Object.keys(info).sort(), API);
  for (const name of API) assert.type((info as Record<string, unknown>)[name], "function");
});

test("the package root re-exports the information group", () => {
  for (const name of API)
    assert.is((lib as Record<string, unknown>)[name], (info as Record<string, unknown>)[name]);
});

test.run();
