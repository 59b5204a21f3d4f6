// The stand-in's test API, as the e2e tests see it in the page (see tests/site/src/api.ts).
import type { StandinApi } from '../../site/src/api';

declare global {
  interface Window {
    __standin: StandinApi;
  }
}
