import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  FrameScopeError,
  applyFrame,
  exactText,
  readableName,
  rebuildFrame,
} from "../../../notebooks/kit/src/plot/live-frame";

test("rebuildFrame gives back arrow functions, function expressions and method shorthands", () => {
  assert.is(rebuildFrame("(t, inputs) => t * inputs.k")(2, { k: 3 }), 6);
  assert.is(rebuildFrame("t => t + 1")(1), 2);
  assert.is(rebuildFrame("function (t) { return Math.exp(-t); }")(0.9), Math.exp(-0.9));
  const method = {
    frame(t: number) {
      return t * 2;
    },
  }.frame;
  assert.is(rebuildFrame(method.toString())(4), 8);
  assert.is(
    rebuildFrame("(t, { a }, { f }) => f(a, t)")(
      1,
      { a: 2 },
      { f: (a: number, t: number) => a - t },
    ),
    1,
  );
});

test("a rebuilt frame reaches JavaScript's pure built-ins and nothing else", () => {
  assert.equal(
    rebuildFrame(
      "(t) => [Math.max(t, 1), Number.isFinite(t), Array.from({ length: 2 }, () => t), new Float64Array(1).length]",
    )(3),
    [3, true, [3, 3], 1],
  );
  (globalThis as Record<string, unknown>).aGlobalOfThePage = 1;
  for (const name of [
    "aGlobalOfThePage",
    "globalThis",
    "window",
    "document",
    "require",
    "process",
    "console",
    "fetch",
    "eval",
    "Function",
  ]) {
    assert.throws(
      () => rebuildFrame(`(t) => ${name}`)(1),
      (e: Error) => e instanceof FrameScopeError && e.freeName === name,
      name,
    );
  }
  delete (globalThis as Record<string, unknown>).aGlobalOfThePage;
});

test("writing a name from outside is refused too (a frame must not leave state behind)", () => {
  assert.throws(
    () => rebuildFrame("(t) => { counter = t; return t; }")(1),
    (e: Error) => e instanceof FrameScopeError && e.freeName === "counter",
  );
});

test("rebuildFrame refuses native code and what is not a function, and reports syntax errors", () => {
  assert.throws(() => rebuildFrame(Math.max.toString()), /native or bound code/);
  assert.throws(() => rebuildFrame("42"), /is not a function/);
  assert.throws(() => rebuildFrame("(t) => {"), SyntaxError);
});

test("readableName finds the member a compiled free name reads", () => {
  assert.is(readableName("(t) => exports.xs.length", "exports"), "xs");
  assert.is(readableName("(t) => (0, mlekit_1.poisson)(t)", "mlekit_1"), "poisson");
  assert.is(
    readableName("(t) => xs.map((x) => x * t)", "xs"),
    "xs",
    "a notebook name read in the page is its own",
  );
  assert.is(readableName("(t) => top + t", "top"), "top");
  assert.is(
    readableName("(t) => a.exports.b", "exports"),
    "exports",
    "a member access is not the free name",
  );
});

test("exactText tells apart every double JSON would merge", () => {
  assert.is.not(exactText([0]), exactText([-0]));
  assert.is.not(exactText([NaN]), exactText([null]));
  assert.is.not(exactText([Infinity]), exactText([null]));
  assert.is(exactText({ y: new Float64Array([1, 2]) }), exactText({ y: [1, 2] }));
  assert.is.not(exactText([0.1 + 0.2]), exactText([0.3]));
});

test("applyFrame changes the frame's traces and the title, and leaves the input alone", () => {
  const fig = {
    data: [{ y: [0] }, { x: [0], y: [0], name: "p" }],
    layout: { title: { text: "old", x: 0.5 }, height: 3 },
  };
  const out = applyFrame(fig, {
    title: "θ = 1",
    traces: { 1: { x: ["a"], y: new Float64Array([2]) } },
  });
  assert.equal(out.data, [{ y: [0] }, { x: ["a"], y: [2], name: "p" }]);
  assert.equal(out.layout, { title: { text: "θ = 1", x: 0.5 }, height: 3 });
  assert.equal(fig.data[1].y, [0]);
  assert.throws(
    () => applyFrame(fig, { title: "", traces: { 5: { y: [1] } } }),
    /applyFrame: the frame changes trace 5; the figure has 2/,
  );
});

test.run();
