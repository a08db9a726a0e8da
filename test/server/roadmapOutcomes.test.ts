/** pm/roadmap carries the outcome fields over stdio, lines 0-based. */
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { startClient, type TestClient } from "./client";
import type { PmRoadmap } from "../../src/protocol";

const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

test("pm/roadmap gives capacity, health, KPI baselines and dates, kpi/after references, confidence, size, must and bets", async () => {
  const text = "## Now\nCapacity: 6w\nHealth: off track\n**Must finish**\n- [ ] Eval harness @ken\n- [ ] Agent kpi:accuracy after:eval-harness confidence:low size:2w\n**KPIs**\n| KPI | Baseline | Target | Window | Current | As of |\n|---|---|---|---|---|---|\n| Accuracy | 81% | >= 90% | weekly | 88% | 2026-01-10 |\n## Later\n- Voice\n";
  const s = await startClient({ "ROADMAP.md": text });
  clients.push(s.client);
  const [r] = await s.client.request<PmRoadmap[]>("pm/roadmap", {});
  const [now, later] = r!.phases;
  const agent = now!.items[1]!;
  assert.deepEqual(
    [now!.capacity, now!.health, now!.kpis, [agent.kpi, agent.after, agent.confidence, agent.size, agent.must], later!.items.map((i) => i.status), later!.progress],
    [
      { text: "6w", weeks: 6 },
      "off-track",
      [{ text: "Accuracy", target: ">= 90%", current: "88%", baseline: "81%", window: "weekly", asOf: "2026-01-10", line: 9 }],
      [{ ref: "accuracy", text: "Accuracy", line: 9 }, [{ ref: "eval-harness", title: "Eval harness", line: 4 }], { level: "low", percent: null }, { text: "2w", tshirt: null, weeks: 2 }, true],
      ["bet"],
      { done: 0, total: 0 },
    ],
  );
});
