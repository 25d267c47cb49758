import { everyPageIn } from './every-page.js';

everyPageIn('fa');
