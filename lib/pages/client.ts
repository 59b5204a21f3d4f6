// The extension pages' connection to the background: the message protocol, nothing else.
import { createClient, type Client } from '../protocol/client';

export function pageClient(): Client {
  return createClient((message) => browser.runtime.sendMessage(message));
}
