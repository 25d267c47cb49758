import { everyPageIn } from './every-page.js';

everyPageIn('en');
