// The script of a site page (a page written with shared assets, as `assets/page.js`): it
// renders the maths and code the page carries as source (expand.ts), then does what every
// page's script does (figures.ts).
import { expandPage } from "./expand";

expandPage();
// figures.ts runs on import; imported after the expansion so that it measures the page as drawn.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("./figures");
