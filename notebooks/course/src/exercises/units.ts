// The units the exercises ask for, in both languages (the renderings of the course's glossary).
import type { Translated } from "notebook-kit";

/** Natural-log units of information. */
export const NATS: Translated = { en: "nats", zh: "奈特" };
/** Base-2 units of information. */
export const BITS: Translated = { en: "bits", zh: "比特" };
