import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  horseKickCounts,
  horseKicks,
  penguins,
  seattleWeather,
} from "../../notebooks/course/src/datasets";

test("the horse-kick counts are Bortkiewicz's 200 corps-years with mean 0.61", () => {
  assert.is(horseKicks().length, 5);
  const xs = horseKickCounts();
  assert.is(xs.length, 200);
  assert.is(
    xs.reduce((a, b) => a + b, 0),
    122,
  );
});

test("the penguins are 344 birds of three species, missing measurements as null", () => {
  const birds = penguins();
  assert.is(birds.length, 344);
  assert.equal([...new Set(birds.map((b) => b.Species))].sort(), ["Adelie", "Chinstrap", "Gentoo"]);
  assert.ok(birds.some((b) => b["Body Mass (g)"] === null));
  assert.ok(
    birds.every((b) => b["Body Mass (g)"] === null || typeof b["Body Mass (g)"] === "number"),
  );
});

test("Seattle weather has 1,461 days with numeric temperatures and a weather label", () => {
  const days = seattleWeather();
  assert.is(days.length, 1461);
  assert.ok(days.every((d) => typeof d.temp_max === "number" && typeof d.weather === "string"));
});

test.run();
