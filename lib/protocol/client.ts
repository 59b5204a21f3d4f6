// The sending side of the protocol: a typed `send` that never throws.
import { errorReply, type Request, type RequestOf, type RequestType, type Response, type ResponseOf } from './requests';
import { isRecord } from './validation';

export interface Client {
  /** Never throws: transport failures become `{ ok: false, error: { code: 'unavailable' } }`. */
  send: <T extends RequestType>(request: RequestOf<T> & { type: T }) => Promise<ResponseOf<T>>;
}

/** `createClient((msg) => browser.runtime.sendMessage(msg))`. */
export function createClient(sendMessage: (message: unknown) => Promise<unknown>): Client {
  async function send(request: Request): Promise<Response> {
    let reply: unknown;
    try {
      reply = await sendMessage(request);
    } catch (e) {
      return errorReply('unavailable', `The background worker could not be reached: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (reply === undefined) return errorReply('unavailable', 'The background worker did not reply.');
    if (!isRecord(reply) || typeof reply.ok !== 'boolean') return errorReply('internal', 'The background worker sent a malformed reply.');
    if (reply.ok === false && (!isRecord(reply.error) || typeof reply.error.code !== 'string')) {
      return errorReply('internal', 'The background worker sent a malformed error reply.');
    }
    return reply as unknown as Response;
  }
  return { send: send as Client['send'] };
}
