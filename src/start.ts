// Entry point of `npm start`.
import { serve } from './server.js';

await serve();
