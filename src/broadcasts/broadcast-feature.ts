// Placeholder until the database-backed broadcasts land: no commands, no timers.
import type { FeatureFactory } from "../core/feature.js";

export const createBroadcastFeature: FeatureFactory = () => ({ name: "broadcasts" });
