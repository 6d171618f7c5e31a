// The datasets shipped in notebooks/data/ (sources and licences in notebooks/data/README.md),
// as typed rows. Paths are resolved from this package, so any notebook folder can load them.
import { join } from "path";
import { loadRows } from "notebook-kit";

/** The folder that holds the course's data files. */
export const DATA_DIR = join(__dirname, "..", "..", "data");

/** One row of Bortkiewicz's horse-kick table: how many corps-years saw `deaths` deaths. */
export interface HorseKickRow {
  readonly deaths: number;
  readonly corps_years: number;
}

/** One Palmer penguin; measurements are `null` where the source has none. */
export interface Penguin {
  readonly "Species": "Adelie" | "Chinstrap" | "Gentoo";
  readonly "Island": string;
  readonly "Beak Length (mm)": number | null;
  readonly "Beak Depth (mm)": number | null;
  readonly "Flipper Length (mm)": number | null;
  readonly "Body Mass (g)": number | null;
  readonly "Sex": string | null;
}

/** One day of Seattle weather (2012–2015). */
export interface WeatherDay {
  readonly date: string;
  readonly precipitation: number;
  readonly temp_max: number;
  readonly temp_min: number;
  readonly wind: number;
  readonly weather: string;
}

/**
 * Bortkiewicz's horse-kick counts: deaths per corps-year in the Prussian army, 200 corps-years.
 * @example
 * horseKicks()[0]; // => { deaths: 0, corps_years: 109 }
 */
export function horseKicks(): HorseKickRow[] {
  return loadRows<HorseKickRow>(join(DATA_DIR, "horse-kicks.csv"));
}

/**
 * The horse-kick data as one count per corps-year (the m = 200 examples x⁽ⁱ⁾).
 * @example
 * horseKickCounts().length; // => 200
 */
export function horseKickCounts(): number[] {
  return horseKicks().flatMap((r) => Array<number>(r.corps_years).fill(r.deaths));
}

/**
 * The Palmer penguins (344 birds, three species).
 * @example
 * penguins().length; // => 344
 */
export function penguins(): Penguin[] {
  return loadRows<Penguin>(join(DATA_DIR, "penguins.json"));
}

/**
 * Daily Seattle weather, 2012–2015 (1,461 days).
 * @example
 * seattleWeather()[0].weather; // => "drizzle"
 */
export function seattleWeather(): WeatherDay[] {
  return loadRows<WeatherDay>(join(DATA_DIR, "seattle-weather.csv"));
}
