// Placeholder until the knowledge-base answering lands in chat.
import type { FeatureFactory } from "../core/feature.js";

export const createFaqFeature: FeatureFactory = () => ({ name: "faq" });
