// @feedloop/widget: the website and in-app widget for apps that bundle their JavaScript.
//   import * as feedloop from '@feedloop/widget';
//   feedloop.init({ publicKey: 'pk_…', apiHost: 'https://feedback.example.com' });
//   feedloop.identify('customer-42', { email: 'sara@example.com', locale: 'fa', userHash }); // userHash: signed by your server
//   feedloop.track('cart_abandoned', { value: 120 });
// The drawing part is loaded from apiHost when something is to be shown.
export { init, identify, track, page, setLanguage, showSurvey, openFeedback, reset } from './core/sdk.js';
export type { InitOptions, Traits } from './core/sdk.js';
