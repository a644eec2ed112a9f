/** Entry point of the language server process (stdio, node-ipc or socket, chosen by the arguments). */
import { serve } from './serve';

serve();
