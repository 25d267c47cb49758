// HTTP helpers for the benchmark: first-run setup, an API key, and counters from /metrics.

export async function setupAndCreateKey(url: string, scopes = ['feedback:read', 'feedback:write']): Promise<string> {
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organizationName: 'Bench Inc',
      workspaceName: 'Bench',
      name: 'Bench Owner',
      email: 'owner@bench.example',
      password: 'bench password 12345',
      locale: 'en',
    }),
  });
  if (setup.status !== 201) throw new Error(`POST /api/v1/setup: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('POST /api/v1/setup set no session cookie');
  const res = await fetch(`${url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'bench', scopes }),
  });
  if (res.status !== 201) throw new Error(`POST /api/v1/api-keys: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

/** Sum of every sample of a Prometheus counter whose labels contain `labelFilter`. */
export function metricSum(text: string, name: string, labelFilter = ''): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== '{' && line[name.length] !== ' ')) continue;
    if (labelFilter && !line.includes(labelFilter)) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

export interface Progress {
  created: number;
  analysed: number;
}

/** Items created over HTTP and items analysed, as the server counts them. */
export async function progress(url: string): Promise<Progress> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return {
    created: metricSum(text, 'feedloop_feedback_created_total'),
    analysed: metricSum(text, 'feedloop_feedback_analysed_total'),
  };
}
