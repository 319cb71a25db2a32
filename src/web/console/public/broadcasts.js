import { startPage } from "/console/assets/console.js";

await startPage("broadcasts");
