export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  main() {
    console.log('cs');
  },
});
