// The script a page embeds:
//   <script src="https://feedback.example.com/widget/v1/loader.js" data-key="pk_…" async></script>
// It starts the SDK with the key and the server it came from, puts the API on window.feedloop,
// and replays calls a page made before it loaded (window.feedloop = { q: [['track', 'x'], …] }).
import * as sdk from './core/sdk.js';

type Api = typeof api;
const api = {
  init: sdk.init,
  identify: sdk.identify,
  track: sdk.track,
  page: sdk.page,
  setLanguage: sdk.setLanguage,
  showSurvey: sdk.showSurvey,
  openFeedback: sdk.openFeedback,
  reset: sdk.reset,
};

declare global {
  interface Window {
    feedloop?: Partial<Api> & { q?: unknown[][] };
  }
}

const queued = window.feedloop?.q ?? [];
window.feedloop = api;
const script = document.currentScript as HTMLScriptElement | null;
const key = script?.getAttribute('data-key');
if (script && key) {
  api.init({
    publicKey: key,
    apiHost: script.getAttribute('data-api-host') ?? new URL(script.src).origin,
    language: script.getAttribute('data-language') ?? undefined,
    button: script.getAttribute('data-button') === 'true',
  });
}
for (const call of queued) {
  const fn = api[call[0] as keyof Api] as ((...a: unknown[]) => void) | undefined;
  if (typeof fn === 'function') fn(...call.slice(1));
}
