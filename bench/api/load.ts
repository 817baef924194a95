import autocannon from "autocannon";
import { percentiles, type Percentiles } from "./stats";

export type Scenario = {
  name: "earn" | "redeem";
  /** What is measured, for the report (e.g. "POST /api/v1/purchases"). */
  label: string;
  members: string[];
  path(memberId: string): string;
  /** `requestId` is unique across every run of a bench (also the Idempotency-Key). */
  body(memberId: string, requestId: string): unknown;
};

export type LoadResult = {
  scenario: string;
  clients: number;
  seconds: number;
  ok: number;
  /** Responses per status code, 2xx included: a 4xx/5xx in a load run is a finding, not noise. */
  statuses: Record<string, number>;
  errors: number;
  reqPerSec: number;
  latency: Percentiles;
  /** The first few answers that were not 2xx, to say why. */
  failureSamples: string[];
  /** CPU per successful request, app server process and its PostgreSQL backends (ms; NaN when not measurable). */
  cpuPerRequestMs?: { app: number; database: number };
};

/**
 * One fixed-duration run: `clients` keep-alive connections, each sending its
 * next request as soon as the last answer arrives. Every request gets a fresh
 * body (random member, unique order id) and its own Idempotency-Key. Latency
 * percentiles are exact, over the successful responses.
 */
export async function runLoad(p: { url: string; apiKey: string; clients: number; seconds: number; scenario: Scenario; runId: string }): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failureSamples: string[] = [];
  const pick = () => p.scenario.members[Math.floor(Math.random() * p.scenario.members.length)]!;
  let finished: (result: autocannon.Result) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const instance = autocannon({
    url: p.url,
    connections: p.clients,
    duration: p.seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        headers: { authorization: `Bearer ${p.apiKey}`, "content-type": "application/json" },
        setupRequest: (request) => {
          n += 1;
          const member = pick();
          const requestId = `${p.runId}-${n}`;
          return {
            ...request,
            path: p.scenario.path(member),
            body: JSON.stringify(p.scenario.body(member, requestId)),
            headers: { ...request.headers, "idempotency-key": requestId },
          };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && failureSamples.length < 3) failureSamples.push(`${status} ${body.slice(0, 240)}`);
        },
      },
    ],
  }, (error, result) => (error ? failed(error) : finished(result)));
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await done;
  const ok = latencies.length;
  return {
    scenario: p.scenario.name,
    clients: p.clients,
    seconds: result.duration,
    ok,
    statuses,
    errors: result.errors,
    reqPerSec: ok / result.duration,
    latency: percentiles(latencies),
    failureSamples,
  };
}

/** Sends one request the way a scenario does and returns the status (to probe which route exists). */
export async function probe(url: string, apiKey: string, scenario: Scenario, key: string): Promise<{ status: number; body: string }> {
  const member = scenario.members[0]!;
  const response = await fetch(`${url}${scenario.path(member)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(scenario.body(member, key)),
  });
  return { status: response.status, body: (await response.text()).slice(0, 300) };
}
