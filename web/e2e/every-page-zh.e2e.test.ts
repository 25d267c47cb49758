import { everyPageIn } from './every-page.js';

everyPageIn('zh');
