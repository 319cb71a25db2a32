// The demo's simulator on its own (tests); main.ts starts it with the console beside it.
import type { Logger } from "../core/types.js";
import type { DemoCommunity } from "../demo/demo-community.js";
import type { WechatyInterface } from "wechaty/impls";
import type { ConsoleServices } from "./console/console-routes.js";
import { type HealthReport, startWebServer, type WebServer } from "./web-server.js";

export interface SimulatorOptions {
  demo: DemoCommunity;
  bot: WechatyInterface;
  host: string;
  /** 0 picks a free port; `url` then carries the real one. */
  port: number;
  logger: Logger;
  /** Served at `GET /healthz`. */
  health?: () => Promise<HealthReport>;
  console?: ConsoleServices;
}

export type Simulator = WebServer;

export function startSimulator(o: SimulatorOptions): Promise<Simulator> {
  return startWebServer({ ...o, simulator: { demo: o.demo, bot: o.bot } });
}
